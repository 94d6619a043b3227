// Every liveness threshold in one place. Values were calibrated on the landmark
// sequences in tests/fixtures/identity/liveness (face-api 68-point model,
// frames of one real photo warped to emulate each action; see the README there):
//
//   metric  still-face noise (12 frames)   emulated action peak
//   EAR     0.292–0.298 (±1 %)             blink 0.265 (−10 % vs 0.296)
//   MAR     0.229–0.263                    open mouth 0.786 (+0.54)
//   yaw     0.005–0.040                    turn left +0.447, turn right −0.325
//   pitch   0.346–0.355                    nod +0.062 (0.350 → 0.412)
//
// face-api's landmark net moves the eye points far less than dlib's when the
// eyes close; real blinks recorded with a camera should be checked against
// BLINK_MIN_EAR_DROP before launch (emulated closure is the weakest signal here).

/** Frames at the start of a series whose median is the neutral baseline. */
export const BASELINE_FRAMES = 3;

/** Blink: EAR must fall to ≤ (1 − drop) × baseline, then recover to ≥ (1 − reopen) × baseline. */
export const BLINK_MIN_EAR_DROP = 0.085;
export const BLINK_REOPEN_TOLERANCE = 0.04;

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
