import type { MetadataRoute } from "next";

// Static on purpose: the installed app's name is the product's Chinese name,
// whatever locale the installing browser had.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "云签署",
    short_name: "云签署",
    description: "实名认证、个人数字证书、手机签署 PDF",
    lang: "zh-CN",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#1d5fd6",
    categories: ["business", "productivity"],
    // Android share sheet: PDFs from WeChat, Files, e-mail… (see app/sw.ts and app/share-target/route.ts).
    share_target: {
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: { title: "title", text: "text", url: "url", files: [{ name: "file", accept: ["application/pdf", ".pdf"] }] },
    },
    // Desktop "Open with 云签署" for .pdf files (Chromium 102+).
    file_handlers: [{ action: "/open-pdf", accept: { "application/pdf": [".pdf"] } }],
    launch_handler: { client_mode: ["navigate-existing", "auto"] },
    icons: [
      { src: "/icons/192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/192-maskable.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/512-maskable.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
