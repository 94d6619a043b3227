import { z } from "zod";

// A placement in the page's visible coordinates (points, top-left origin), as
// the preview reports it.
export const PlacementSchema = z.object({
  page: z.number().int().min(1).max(100_000),
  x: z.number().min(0).max(20_000),
  y: z.number().min(0).max(20_000),
  width: z.number().min(10).max(2_000),
  height: z.number().min(5).max(2_000),
});

export const SignEnvelopeSchema = z.object({
  envelopeId: z.string().uuid(),
  pin: z.string().min(1, { message: "required" }).max(32, { message: "too_long" }),
  placements: z.array(PlacementSchema).max(20).default([]),
});
export type Placement = z.infer<typeof PlacementSchema>;
