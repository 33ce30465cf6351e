import { hashString, mix } from '../learn/hash.js';
import type { ParseState } from './state.js';

/**
 * Feature extraction for the parser: rich non-local templates in the style of Zhang & Nivre (2011),
 * adapted to arc-hybrid (stack items and the buffer front never have heads yet, so there are no head
 * templates; instead nearest children, valency, label sets and distance). Every feature is a uint32
 * hash (`fx`) over per-word hashes computed once per sentence: no strings in the hot loop.
 */

/**
 * A feature id from a template and up to three values. Like `feature()` from `learn/hash.ts`, but with
 * one mixing round instead of four (the values are combined by multiplication first, then finished with
 * the murmur3 finaliser), and the template's own round precomputed in `T`: feature extraction was half
 * the parsing time before. Ids are nonzero.
 */
export const T: Uint32Array = (() => {
  const t = new Uint32Array(160);
  for (let i = 0; i < t.length; i++) t[i] = mix(0x27d4eb2f, i);
  return t;
})();

export function fx(tb: number, a: number, b: number, c: number): number {
  let h = Math.imul(tb ^ a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c ^ 0x5bd1e995, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

const ROOT = hashString('<ROOT>');
const NONE = hashString('<NONE>');

/** Hash of the normalised word form: ASCII lower-cased, digits folded to 0. */
export function wordHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 48 && c <= 57) c = 48;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of the last three characters (lower-cased). */
function suffixHash(s: string): number {
  let h = 0x9747b28c;
  for (let i = Math.max(0, s.length - 3); i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** Per-word hashes of one sentence; index `n` is the root token, `n + 1` the empty slot. */
export class WordHashes {
  cap = 0;
  w = new Uint32Array(0);
  p = new Uint32Array(0);
  u = new Uint32Array(0);
  s = new Uint32Array(0);
  /** Word and tag together. */
  wp = new Uint32Array(0);
  private readonly tagCache = new Map<string, number>();

  private tag(t: string): number {
    let h = this.tagCache.get(t);
    if (h === undefined) {
      h = hashString(t);
      this.tagCache.set(t, h);
    }
    return h;
  }

  fill(words: readonly string[], upos: readonly string[], xpos: readonly string[]): void {
    const n = words.length;
    if (n + 2 > this.cap) {
      let cap = Math.max(64, this.cap);
      while (cap < n + 2) cap *= 2;
      this.cap = cap;
      this.w = new Uint32Array(cap);
      this.p = new Uint32Array(cap);
      this.u = new Uint32Array(cap);
      this.s = new Uint32Array(cap);
      this.wp = new Uint32Array(cap);
    }
    for (let i = 0; i < n; i++) {
      const form = words[i] ?? '';
      this.w[i] = wordHash(form);
      this.s[i] = suffixHash(form);
      this.u[i] = this.tag(upos[i] ?? '');
      this.p[i] = this.tag(xpos[i] || upos[i] || '');
      this.wp[i] = mix(this.w[i], this.p[i]);
    }
    for (const [i, v] of [
      [n, ROOT],
      [n + 1, NONE],
    ]) {
      this.w[i] = v;
      this.s[i] = v;
      this.u[i] = v;
      this.p[i] = v;
      this.wp[i] = v;
    }
  }
}

function bucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 10) return 6;
  if (d <= 20) return 7;
  return 8;
}

/** Upper bound on the number of transition features. */
export const MAX_FEATURES = 128;

// Context slots for transitionFeatures: the values its templates combine, filled per call (slot 0 is always 0).
const C_S0WP = 1;
const C_S0W = 2;
const C_S0P = 3;
const C_S1WP = 4;
const C_S1W = 5;
const C_S1P = 6;
const C_N0WP = 7;
const C_N0W = 8;
const C_N0P = 9;
const C_WP_N1 = 10;
const C_N1W = 11;
const C_N1P = 12;
const C_W_N2 = 13;
const C_N2P = 14;
const C_W_S2 = 15;
const C_S2P = 16;
const C_S_N0 = 17;
const C_S_S0 = 18;
const C_U_N0 = 19;
const C_U_S0 = 20;
const C_P_S0L = 21;
const C_P_S0R = 22;
const C_P_N0L = 23;
const C_P_S1R = 24;
const C_MIX_S2P_S1P = 25;
const C_P_S1L = 26;
const C_D0 = 27;
const C_D1 = 28;
const C_MIX_S1P_S0P = 29;
const C_MIX_D0_D1 = 30;
const C_NR_S0 = 31;
const C_NL_S0 = 32;
const C_NL_N0 = 33;
const C_NR_S1 = 34;
const C_NL_S1 = 35;
const C_W_S0L = 36;
const C_LAB_S0L = 37;
const C_W_S0R = 38;
const C_LAB_S0R = 39;
const C_W_N0L = 40;
const C_LAB_N0L = 41;
const C_W_S1R = 42;
const C_LAB_S1R = 43;
const C_LAB_S1L = 44;
const C_W_S0L2 = 45;
const C_P_S0L2 = 46;
const C_LAB_S0L2 = 47;
const C_W_S0R2 = 48;
const C_P_S0R2 = 49;
const C_LAB_S0R2 = 50;
const C_W_N0L2 = 51;
const C_P_N0L2 = 52;
const C_LAB_N0L2 = 53;
const C_P_S1R2 = 54;
const C_RSETLO_S0 = 55;
const C_RSETHI_S0 = 56;
const C_LSETLO_S0 = 57;
const C_LSETHI_S0 = 58;
const C_LSETLO_N0 = 59;
const C_LSETHI_N0 = 60;
const C_RSETLO_S1 = 61;
const C_RSETHI_S1 = 62;
const C_DEPTH = 63;
const C_U_N1 = 64;
const C_U_S1 = 65;
const C_U_N2 = 66;
const C_U_S0L = 67;
const C_U_S0R = 68;
const C_U_N0L = 69;
const TF_CTX = new Uint32Array(70);

/** The templates of transitionFeatures: a template number and the context slots of up to three values. */
const TF_TEMPLATES: ReadonlyArray<readonly number[]> = [
  [1, C_S0WP],
  [2, C_S0W],
  [3, C_S0P],
  [4, C_S1WP],
  [5, C_S1W],
  [6, C_S1P],
  [7, C_N0WP],
  [8, C_N0W],
  [9, C_N0P],
  [10, C_WP_N1],
  [11, C_N1W],
  [12, C_N1P],
  [13, C_W_N2, C_N2P],
  [14, C_N2P],
  [15, C_W_S2, C_S2P],
  [16, C_S2P],
  [17, C_S_N0, C_N0P],
  [18, C_S_S0, C_S0P],
  [19, C_U_N0, C_U_S0],
  // Pairs.
  [23, C_S0WP, C_N0P],
  [24, C_S0P, C_N0WP],
  [26, C_S0P, C_N0P],
  [27, C_N0P, C_N1P],
  [30, C_S1P, C_S0P],
  [31, C_S1P, C_S0W],
  [32, C_S1W, C_S0P],
  [33, C_N0W, C_N1W],
  [34, C_N0W, C_N1P],
  [35, C_S1P, C_N0P],
  [36, C_S1W, C_N0W],
  // Trigrams.
  [40, C_N0P, C_N1P, C_N2P],
  [41, C_S0P, C_N0P, C_N1P],
  [42, C_S1P, C_S0P, C_N0P],
  [43, C_S2P, C_S1P, C_S0P],
  [44, C_S0P, C_P_S0L, C_N0P],
  [45, C_S0P, C_P_S0R, C_N0P],
  [46, C_S0P, C_N0P, C_P_N0L],
  [47, C_S1P, C_S0P, C_P_S0L],
  [48, C_S1P, C_S0P, C_P_S0R],
  [49, C_S1P, C_P_S1R, C_S0P],
  [50, C_S0W, C_N0P, C_N1P],
  [51, C_S0P, C_N0W, C_N1P],
  [52, C_S1P, C_S0W, C_N0P],
  [54, C_MIX_S2P_S1P, C_S0P, C_N0P],
  [55, C_S1P, C_P_S1L, C_S0P],
  // Distance.
  [60, C_S0W, C_D0],
  [61, C_S0P, C_D0],
  [62, C_N0W, C_D0],
  [63, C_N0P, C_D0],
  [65, C_S0P, C_N0P, C_D0],
  [66, C_S1P, C_S0P, C_D1],
  [68, C_MIX_S1P_S0P, C_N0P, C_MIX_D0_D1],
  // Valency.
  [70, C_S0W, C_NR_S0],
  [71, C_S0P, C_NR_S0],
  [72, C_S0W, C_NL_S0],
  [73, C_S0P, C_NL_S0],
  [74, C_N0W, C_NL_N0],
  [75, C_N0P, C_NL_N0],
  [76, C_S1P, C_NR_S1],
  [77, C_S1P, C_NL_S1],
  // Children (unigrams).
  [80, C_W_S0L],
  [81, C_P_S0L],
  [82, C_LAB_S0L],
  [83, C_W_S0R],
  [84, C_P_S0R],
  [85, C_LAB_S0R],
  [86, C_W_N0L],
  [87, C_P_N0L],
  [88, C_LAB_N0L],
  [89, C_W_S1R],
  [90, C_P_S1R],
  [91, C_LAB_S1R],
  [92, C_P_S1L, C_LAB_S1L],
  // Second-order children.
  [100, C_W_S0L2],
  [101, C_P_S0L2],
  [102, C_LAB_S0L2],
  [103, C_W_S0R2],
  [104, C_P_S0R2],
  [105, C_LAB_S0R2],
  [106, C_W_N0L2],
  [107, C_P_N0L2],
  [108, C_LAB_N0L2],
  [109, C_S0P, C_P_S0L, C_P_S0L2],
  [110, C_S0P, C_P_S0R, C_P_S0R2],
  [111, C_N0P, C_P_N0L, C_P_N0L2],
  [112, C_S1P, C_P_S1R, C_P_S1R2],
  [113, C_S0P, C_LAB_S0L, C_LAB_S0L2],
  [114, C_S0P, C_LAB_S0R, C_LAB_S0R2],
  [115, C_N0P, C_LAB_N0L, C_LAB_N0L2],
  // Label sets.
  [120, C_S0W, C_RSETLO_S0, C_RSETHI_S0],
  [121, C_S0P, C_RSETLO_S0, C_RSETHI_S0],
  [122, C_S0W, C_LSETLO_S0, C_LSETHI_S0],
  [123, C_S0P, C_LSETLO_S0, C_LSETHI_S0],
  [124, C_N0W, C_LSETLO_N0, C_LSETHI_N0],
  [125, C_N0P, C_LSETLO_N0, C_LSETHI_N0],
  [126, C_S1P, C_RSETLO_S1, C_RSETHI_S1],
  // Stack depth (the root constraint depends on it).
  [130, C_DEPTH, C_N0P],
  [131, C_DEPTH, C_S0P, C_N0P],
  // Universal tags (a second opinion where the tagger confuses fine-grained tags).
  [140, C_U_S0, C_U_N0, C_U_N1],
  [141, C_U_S1, C_U_S0, C_U_N0],
  [142, C_S0W, C_U_N0],
  [143, C_U_S0, C_N0W],
  [144, C_U_N0, C_U_N1, C_U_N2],
  [145, C_U_S0, C_U_S0L, C_U_S0R],
  [146, C_U_N0, C_U_N0L, C_D0],
  [147, C_S1W, C_U_S0],
];
const TF_T = Uint32Array.from(TF_TEMPLATES, (t) => T[t[0]]);
const TF_A = Uint8Array.from(TF_TEMPLATES, (t) => t[1] ?? 0);
const TF_B = Uint8Array.from(TF_TEMPLATES, (t) => t[2] ?? 0);
const TF_C = Uint8Array.from(TF_TEMPLATES, (t) => t[3] ?? 0);

/** Writes the transition features of the configuration into `f`; returns how many. */
export function transitionFeatures(st: ParseState, h: WordHashes, f: Uint32Array): number {
  const none = st.none;
  const sp = st.sp;
  const stack = st.stack;
  const s0 = sp > 0 ? stack[sp - 1] : none;
  const s1 = sp > 1 ? stack[sp - 2] : none;
  const s2 = sp > 2 ? stack[sp - 3] : none;
  const n0 = st.b <= st.n ? st.b : none;
  const n1 = st.b + 1 <= st.n ? st.b + 1 : none;
  const n2 = st.b + 2 <= st.n ? st.b + 2 : none;
  const W = h.w;
  const P = h.p;
  const WP = h.wp;
  const lab = st.labels;
  const s0l = st.lc1[s0];
  const s0l2 = st.lc2[s0];
  const s0r = st.rc1[s0];
  const s0r2 = st.rc2[s0];
  const s1l = st.lc1[s1];
  const s1r = st.rc1[s1];
  const s1r2 = st.rc2[s1];
  const n0l = st.lc1[n0];
  const n0l2 = st.lc2[n0];
  const s0w = W[s0];
  const s0p = P[s0];
  const s0wp = WP[s0];
  const s1w = W[s1];
  const s1p = P[s1];
  const s1wp = WP[s1];
  const n0w = W[n0];
  const n0p = P[n0];
  const n0wp = WP[n0];
  const n1w = W[n1];
  const n1p = P[n1];
  const n2p = P[n2];
  const s2p = P[s2];
  const d0 = s0 !== none && n0 !== none ? bucket(n0 - s0) : 0;
  const d1 = s1 !== none && s0 !== none ? bucket(s0 - s1) : 0;
  const depth = sp > 3 ? 3 : sp;
  // Single words.
  const c = TF_CTX;
  c[C_S0WP] = s0wp;
  c[C_S0W] = s0w;
  c[C_S0P] = s0p;
  c[C_S1WP] = s1wp;
  c[C_S1W] = s1w;
  c[C_S1P] = s1p;
  c[C_N0WP] = n0wp;
  c[C_N0W] = n0w;
  c[C_N0P] = n0p;
  c[C_WP_N1] = WP[n1];
  c[C_N1W] = n1w;
  c[C_N1P] = n1p;
  c[C_W_N2] = W[n2];
  c[C_N2P] = n2p;
  c[C_W_S2] = W[s2];
  c[C_S2P] = s2p;
  c[C_S_N0] = h.s[n0];
  c[C_S_S0] = h.s[s0];
  c[C_U_N0] = h.u[n0];
  c[C_U_S0] = h.u[s0];
  c[C_P_S0L] = P[s0l];
  c[C_P_S0R] = P[s0r];
  c[C_P_N0L] = P[n0l];
  c[C_P_S1R] = P[s1r];
  c[C_MIX_S2P_S1P] = mix(s2p, s1p);
  c[C_P_S1L] = P[s1l];
  c[C_D0] = d0;
  c[C_D1] = d1;
  c[C_MIX_S1P_S0P] = mix(s1p, s0p);
  c[C_MIX_D0_D1] = mix(d0, d1);
  c[C_NR_S0] = st.nr[s0];
  c[C_NL_S0] = st.nl[s0];
  c[C_NL_N0] = st.nl[n0];
  c[C_NR_S1] = st.nr[s1];
  c[C_NL_S1] = st.nl[s1];
  c[C_W_S0L] = W[s0l];
  c[C_LAB_S0L] = lab[s0l];
  c[C_W_S0R] = W[s0r];
  c[C_LAB_S0R] = lab[s0r];
  c[C_W_N0L] = W[n0l];
  c[C_LAB_N0L] = lab[n0l];
  c[C_W_S1R] = W[s1r];
  c[C_LAB_S1R] = lab[s1r];
  c[C_LAB_S1L] = lab[s1l];
  c[C_W_S0L2] = W[s0l2];
  c[C_P_S0L2] = P[s0l2];
  c[C_LAB_S0L2] = lab[s0l2];
  c[C_W_S0R2] = W[s0r2];
  c[C_P_S0R2] = P[s0r2];
  c[C_LAB_S0R2] = lab[s0r2];
  c[C_W_N0L2] = W[n0l2];
  c[C_P_N0L2] = P[n0l2];
  c[C_LAB_N0L2] = lab[n0l2];
  c[C_P_S1R2] = P[s1r2];
  c[C_RSETLO_S0] = st.rsetLo[s0];
  c[C_RSETHI_S0] = st.rsetHi[s0];
  c[C_LSETLO_S0] = st.lsetLo[s0];
  c[C_LSETHI_S0] = st.lsetHi[s0];
  c[C_LSETLO_N0] = st.lsetLo[n0];
  c[C_LSETHI_N0] = st.lsetHi[n0];
  c[C_RSETLO_S1] = st.rsetLo[s1];
  c[C_RSETHI_S1] = st.rsetHi[s1];
  c[C_DEPTH] = depth;
  c[C_U_N1] = h.u[n1];
  c[C_U_S1] = h.u[s1];
  c[C_U_N2] = h.u[n2];
  c[C_U_S0L] = h.u[s0l];
  c[C_U_S0R] = h.u[s0r];
  c[C_U_N0L] = h.u[n0l];
  const count = TF_T.length;
  for (let j = 0; j < count; j++) f[j] = fx(TF_T[j], c[TF_A[j]], c[TF_B[j]], c[TF_C[j]]);
  return count;
}

/** Upper bound on the number of label features. */
export const MAX_LABEL_FEATURES = 48;

// Context slots for labelFeatures: the values its templates combine, filled per call (slot 0 is always 0).
const L_DIR = 1;
const L_HW = 2;
const L_HP = 3;
const L_DW = 4;
const L_DP = 5;
const L_WP_DEP = 6;
const L_WP_HD = 7;
const L_MIX_DIR_DIST = 8;
const L_U_HD = 9;
const L_U_DEP = 10;
const L_S_DEP = 11;
const L_LAB_DL = 12;
const L_P_DL = 13;
const L_W_DL = 14;
const L_LAB_DR = 15;
const L_P_DR = 16;
const L_W_DR = 17;
const L_LSETLO_DEP = 18;
const L_LSETHI_DEP = 19;
const L_RSETLO_DEP = 20;
const L_RSETHI_DEP = 21;
const L_MIX_HP_DP = 22;
const L_HSLO = 23;
const L_HSHI = 24;
const L_P_PREV = 25;
const L_P_NEXT = 26;
const L_W_DL2 = 27;
const L_NL_DEP = 28;
const L_NR_DEP = 29;
const L_W_PREV = 30;
const L_MIX_LAB_LC1_HD_LAB_RC1_HD = 31;
const L_W_NEXT = 32;
const LF_CTX = new Uint32Array(33);

/** The templates of labelFeatures: a template number and the context slots of up to three values. */
const LF_TEMPLATES: ReadonlyArray<readonly number[]> = [
  [1, L_DIR],
  [2, L_HW, L_DIR],
  [3, L_HP, L_DIR],
  [4, L_DW, L_DIR],
  [5, L_DP, L_DIR],
  [6, L_WP_DEP, L_DIR],
  [7, L_WP_HD, L_DIR],
  [8, L_HP, L_DP, L_DIR],
  [9, L_HW, L_DP, L_DIR],
  [10, L_HP, L_DW, L_DIR],
  [11, L_HW, L_DW, L_DIR],
  [12, L_HP, L_DP, L_MIX_DIR_DIST],
  [13, L_U_HD, L_U_DEP, L_DIR],
  [14, L_S_DEP, L_DP],
  [15, L_DP, L_LAB_DL, L_P_DL],
  [16, L_DP, L_W_DL, L_DIR],
  [17, L_HP, L_DP, L_W_DL],
  [18, L_DP, L_LAB_DR, L_P_DR],
  [19, L_DP, L_W_DR],
  [20, L_DP, L_LSETLO_DEP, L_LSETHI_DEP],
  [21, L_DP, L_RSETLO_DEP, L_RSETHI_DEP],
  [22, L_MIX_HP_DP, L_HSLO, L_HSHI],
  [23, L_DP, L_P_PREV, L_DIR],
  [24, L_DP, L_P_NEXT, L_DIR],
  [25, L_HP, L_DP, L_P_DL],
  [26, L_DP, L_W_DL, L_W_DL2],
  [27, L_DW, L_NL_DEP, L_NR_DEP],
  [28, L_DP, L_NL_DEP, L_NR_DEP],
  [29, L_HW, L_DP, L_W_DL],
  [30, L_U_HD, L_DW, L_DIR],
  [31, L_DP, L_W_PREV, L_DIR],
  [32, L_HP, L_DP, L_MIX_LAB_LC1_HD_LAB_RC1_HD],
  [33, L_DW, L_W_NEXT],
  [34, L_HP, L_W_DR, L_DP],
  [35, L_U_HD, L_U_DEP, L_MIX_DIR_DIST],
  [36, L_U_DEP, L_W_DL, L_DIR],
  [37, L_HW, L_U_DEP, L_DIR],
];
const LF_T = Uint32Array.from(LF_TEMPLATES, (t) => T[t[0]]);
const LF_A = Uint8Array.from(LF_TEMPLATES, (t) => t[1] ?? 0);
const LF_B = Uint8Array.from(LF_TEMPLATES, (t) => t[2] ?? 0);
const LF_C = Uint8Array.from(LF_TEMPLATES, (t) => t[3] ?? 0);

/** Writes the features for labelling the arc `hd → dep` (the dependent's subtree is complete). */
export function labelFeatures(st: ParseState, h: WordHashes, hd: number, dep: number, f: Uint32Array): number {
  const W = h.w;
  const P = h.p;
  const U = h.u;
  const lab = st.labels;
  const none = st.none;
  const n = st.n;
  const hw = W[hd];
  const hp = P[hd];
  const dw = W[dep];
  const dp = P[dep];
  const dir = hd < dep ? 1 : 2;
  const dist = bucket(Math.abs(hd - dep));
  const dl = st.lc1[dep];
  const dl2 = st.lc2[dep];
  const dr = st.rc1[dep];
  const prev = dep > 0 ? dep - 1 : none;
  const next = dep + 1 < n ? dep + 1 : none;
  const hsLo = dir === 2 ? st.lsetLo[hd] : st.rsetLo[hd];
  const hsHi = dir === 2 ? st.lsetHi[hd] : st.rsetHi[hd];
  const c = LF_CTX;
  c[L_DIR] = dir;
  c[L_HW] = hw;
  c[L_HP] = hp;
  c[L_DW] = dw;
  c[L_DP] = dp;
  c[L_WP_DEP] = h.wp[dep];
  c[L_WP_HD] = h.wp[hd];
  c[L_MIX_DIR_DIST] = mix(dir, dist);
  c[L_U_HD] = U[hd];
  c[L_U_DEP] = U[dep];
  c[L_S_DEP] = h.s[dep];
  c[L_LAB_DL] = lab[dl];
  c[L_P_DL] = P[dl];
  c[L_W_DL] = W[dl];
  c[L_LAB_DR] = lab[dr];
  c[L_P_DR] = P[dr];
  c[L_W_DR] = W[dr];
  c[L_LSETLO_DEP] = st.lsetLo[dep];
  c[L_LSETHI_DEP] = st.lsetHi[dep];
  c[L_RSETLO_DEP] = st.rsetLo[dep];
  c[L_RSETHI_DEP] = st.rsetHi[dep];
  c[L_MIX_HP_DP] = mix(hp, dp);
  c[L_HSLO] = hsLo;
  c[L_HSHI] = hsHi;
  c[L_P_PREV] = P[prev];
  c[L_P_NEXT] = P[next];
  c[L_W_DL2] = W[dl2];
  c[L_NL_DEP] = st.nl[dep];
  c[L_NR_DEP] = st.nr[dep];
  c[L_W_PREV] = W[prev];
  c[L_MIX_LAB_LC1_HD_LAB_RC1_HD] = mix(lab[st.lc1[hd]], lab[st.rc1[hd]]);
  c[L_W_NEXT] = W[next];
  const count = LF_T.length;
  for (let j = 0; j < count; j++) f[j] = fx(LF_T[j], c[LF_A[j]], c[LF_B[j]], c[LF_C[j]]);
  return count;
}
