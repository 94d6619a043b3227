import { randomInt } from "node:crypto";

/** A fresh, valid mainland number, so suites sharing one Postgres never collide. */
export function randomPhone(): string {
  return `139${String(randomInt(0, 1e8)).padStart(8, "0")}`;
}

export function randomIp(): string {
  return `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}
