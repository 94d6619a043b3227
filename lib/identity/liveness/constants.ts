// Every liveness threshold in one place. Values were calibrated on the landmark
// sequences in tests/fixtures/identity/liveness (face-api 68-point model,
// frames of one real photo warped to emulate each action; see the README there):
//
//   metric        still-face noise (12 frames)   emulated action peak
//   EAR           0.295–0.301 (±1 %)             blink 0.274 (−8 % vs 0.298)
//   eyeOpenness   0.181–0.211 (±8 %)             blink 0.014 (−93 %); turns raise it
//   MAR           0.231–0.256                    open mouth 0.757 (+0.52)
//   yaw           0.018–0.047                    turn left +0.442, turn right −0.325
//   pitch         0.344–0.353                    nod 0.421 (+0.07)
//
// Blink by pixels (eyeOpenness = measureEyeOpenness, tests/fixtures/identity/
// calibrate-eye-openness.ts, raw numbers in eye-openness-calibration.json): 20
// faces (the fixture + 19 demo-photo faces as 400×400 selfies), each re-detected
// under relighting (±40, contrast 0.75–1.25, warm/cool), JPEG q50/q80, scale
// 0.7/1.3, sub-pixel shift, 6° roll, sensor noise, turns, nod and open mouth;
// frames the blink gates below exclude (turned, tilted, mouth open) left out:
//
//   13 faces with neutral openness ≥ 0.16:  non-blink drop ≤ 34 %   full emulated blink drop 50–100 % (median 82 %)
//   7 faces below (squinting, eyes cast down, Halloween make-up): drops up to 100 % without a blink → EAR only
//
// On the fake-camera clip (render-liveness-video.ts) the browser's tiny
// detector's landmarks give eyeOpenness 0.250 → 0.079 (−69 %) on the closed
// frame but EAR only −2 %: without the pixels the browser cannot see a blink.

/** Frames at the start of a series whose median is the neutral baseline. */
export const BASELINE_FRAMES = 3;

/**
 * Blink (eye openness from pixels): falls to ≤ (1 − drop) × baseline, then
 * recovers to ≥ (1 − tolerance) × baseline. 0.45 is 11 points above the worst
 * non-blink frame (34 %) and 5 below the weakest full blink (50 %); a half-closed
 * blink (−30…55 %) may not count. Reopening only has to clear the noise.
 */
export const BLINK_MIN_OPENNESS_DROP = 0.45;
export const BLINK_OPENNESS_REOPEN_TOLERANCE = 0.35;
/**
 * Neutral eyes below this openness show too little iris to measure: the 7
 * faces below it swung by up to 100 % without a blink (the nearest, 0.149,
 * heavy make-up with downcast eyes). Those fall back to EAR.
 */
export const BLINK_MIN_BASELINE_OPENNESS = 0.16;

/**
 * Blink (landmarks only, for frames without eyeOpenness): EAR must fall to
 * ≤ (1 − drop) × baseline, then recover to ≥ (1 − reopen) × baseline. Fitted to
 * the old painted-lid emulation (−10 %); the realistic lid of
 * emulate-closed-eyes.ts moves face-api's EAR only 2–9 %, so callers that send
 * no eyeOpenness will mostly miss blinks.
 */
export const BLINK_MIN_EAR_DROP = 0.085;
export const BLINK_REOPEN_TOLERANCE = 0.04;
/**
 * EAR drop that counts on its own when the pixels were measured too: above
 * every EAR drop that was NOT a blink (≤ 25 %, a further turn of an already
 * turned face whose yaw measure had saturated), below dlib-style nets' ~40 % on
 * real blinks. Emulated blinks drop face-api's EAR by only 6–16 %.
 */
export const BLINK_MIN_EAR_DROP_WITH_PIXELS = 0.3;
/** A blink's closed frame must be as level as the neutral face (nod: ≥ 0.04) … */
export const BLINK_MAX_PITCH_DELTA = 0.03;
/** … and the mouth not open (open mouth: ≥ 0.25). */
export const BLINK_MAX_MAR_RISE = 0.15;

/** Open mouth: inner-lip MAR rises by at least this much and reaches the absolute floor. */
export const MOUTH_MIN_MAR_RISE = 0.25;
export const MOUTH_MIN_MAR = 0.45;

/** Turn: yaw (−1..1, see measureYaw) moves this far from baseline in the asked direction. */
export const TURN_MIN_YAW_DELTA = 0.2;

/** Nod (head down and back): pitch rises by this much, then returns within the tolerance. */
export const NOD_MIN_PITCH_DELTA = 0.04;
export const NOD_RETURN_TOLERANCE = 0.02;

/**
 * EAR and pitch are only meaningful on a roughly frontal face: turning the head
 * narrows the eyes in 2-D (the emulated right turn dropped EAR by 9.5 %).
 */
export const FRONTAL_MAX_YAW_DELTA = 0.12;

/** Each action must peak within this time after the previous one (or the first frame). */
export const ACTION_TIME_LIMIT_MS = 8_000;

/** The whole challenge — issue to last frame — must fit in this window. */
export const CHALLENGE_WINDOW_MS = 120_000;

/**
 * Descriptor distance allowed between the neutral frame and each action's peak
 * frame. Looser than FACE_MATCH_THRESHOLD because a turned, blinking or
 * open-mouthed face legitimately moves the descriptor (emulated peaks measured
 * 0.33–0.57 from their own neutral frame); other people measured ≥ 0.66 from it.
 */
export const SESSION_FACE_THRESHOLD = 0.6;
