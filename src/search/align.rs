//! The alignment of a template's literal words against the tokens of a paste that can
//! match them: a longest common subsequence, weighted, that among the best alignments
//! takes the one with the fewest breaks — a break being a run of paste tokens between two
//! words the template has side by side. So a word that appears again later in the paste
//! (in a timestamp, an id, a retry line) cannot pull the match away from where the message
//! stands whole.
//!
//! Three states per cell (just matched; matched then skipped tokens; anything else), one
//! pass over the paste tokens with O(template words) of scores. The choices are kept as
//! one byte per cell for the walk back; both dimensions are capped (template words by
//! [`super::template::MAX_TEMPLATE_WORDS`], tokens by [`super::template::MAX_PASTE_TOKENS`]),
//! so that table never exceeds 1 MB, and it is reused between calls.

/// Score of one matched word per unit of weight; a break costs 1, and there are fewer
/// breaks than template words, so weight always comes first.
const UNIT: i64 = 1024;
const NONE: i64 = i64::MIN / 4;

/// Reusable buffers of the alignment.
#[derive(Debug, Default)]
pub struct Aligner {
    prev: [Vec<i64>; 3],
    cur: [Vec<i64>; 3],
    choices: Vec<u8>,
}

/// What a template needs to say about itself for the alignment.
pub trait Literals {
    /// Number of literal words.
    fn count(&self) -> usize;
    /// Whether the template has a hole between literal `i - 1` and literal `i`.
    fn hole_before(&self, i: usize) -> bool;
}

/// Matched (literal, token) pairs, in order.
pub type Pairs = Vec<(usize, usize)>;

const A: usize = 0; // literal i-1 matched at the previous token
const G: usize = 1; // literal i-1 matched, then tokens skipped
const F: usize = 2; // anything else

impl Aligner {
    /// Aligns `literals` against `m` tokens at `positions` (strictly increasing positions
    /// in the paste, so that a jump between two of them is a skip). `weight(i, k)` is the
    /// weight (0 = no match) of literal `i` against token `k`. Returns the pairs and their
    /// total weight.
    #[allow(
        clippy::many_single_char_names,
        reason = "n, m, i, k, w: the usual names of an alignment"
    )]
    pub fn align(
        &mut self,
        literals: &impl Literals,
        positions: &[usize],
        mut weight: impl FnMut(usize, usize) -> u32,
    ) -> (Pairs, u32) {
        let (n, m) = (literals.count(), positions.len());
        if n == 0 || m == 0 {
            return (Vec::new(), 0);
        }
        let width = n + 1;
        for v in self.prev.iter_mut().chain(self.cur.iter_mut()) {
            v.clear();
            v.resize(width, NONE);
        }
        self.choices.clear();
        self.choices.resize(width * (m + 1), 0);
        // Column 0: literals skipped before any token.
        for i in 0..=n {
            self.prev[F][i] = 0;
            self.choices[i] = if i == 0 { 0 } else { 3 << 3 };
        }
        let penalty = |i: usize| i64::from(i > 0 && !literals.hole_before(i));
        for k in 0..m {
            let adjacent = k > 0 && positions[k] == positions[k - 1] + 1;
            let row = (k + 1) * width;
            for i in 0..=n {
                let mut bits = 0u8;
                // Skip token k: after a match it is a gap; otherwise it stays free.
                let (from_a, from_g) = (self.prev[A][i], self.prev[G][i]);
                self.cur[G][i] = if from_a >= from_g {
                    from_a
                } else {
                    bits |= 1 << 2;
                    from_g
                };
                self.cur[F][i] = self.prev[F][i];
                self.cur[A][i] = NONE;
                if i > 0 {
                    let w = weight(i - 1, k);
                    if w > 0 {
                        let p = penalty(i - 1);
                        let via_a = self.prev[A][i - 1] - if adjacent { 0 } else { p };
                        let via_g = self.prev[G][i - 1] - p;
                        let via_f = self.prev[F][i - 1];
                        let (best, from) = if via_a >= via_g && via_a >= via_f {
                            (via_a, A)
                        } else if via_g >= via_f {
                            (via_g, G)
                        } else {
                            (via_f, F)
                        };
                        if best > NONE {
                            self.cur[A][i] = best + UNIT * i64::from(w);
                            #[allow(clippy::cast_possible_truncation)]
                            {
                                bits |= from as u8;
                            }
                        }
                    }
                    // Skip literal i-1 within this column.
                    let up = [self.cur[A][i - 1], self.cur[G][i - 1], self.cur[F][i - 1]];
                    let (s, &v) = up
                        .iter()
                        .enumerate()
                        .max_by_key(|&(s, v)| (*v, std::cmp::Reverse(s)))
                        .unwrap_or((F, &NONE));
                    if v > self.cur[F][i] {
                        self.cur[F][i] = v;
                        #[allow(clippy::cast_possible_truncation)]
                        {
                            bits |= ((s as u8) + 1) << 3;
                        }
                    }
                }
                self.choices[row + i] = bits;
            }
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        // Walk back from the best final state.
        let last = [self.prev[A][n], self.prev[G][n], self.prev[F][n]];
        let (mut state, &total) = last
            .iter()
            .enumerate()
            .max_by_key(|&(s, v)| (*v, std::cmp::Reverse(s)))
            .unwrap_or((F, &0));
        let mut pairs = Vec::new();
        let (mut i, mut k) = (n, m);
        while k > 0 {
            let bits = self.choices[k * width + i];
            match state {
                A => {
                    pairs.push((i - 1, k - 1));
                    state = usize::from(bits & 3);
                    i -= 1;
                    k -= 1;
                }
                G => {
                    state = if bits & (1 << 2) == 0 { A } else { G };
                    k -= 1;
                }
                _ => match bits >> 3 {
                    0 => k -= 1,
                    s => {
                        state = usize::from(s - 1);
                        i -= 1;
                    }
                },
            }
        }
        pairs.reverse();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let weight_sum = (total.max(0) + UNIT - 1) / UNIT;
        (pairs, u32::try_from(weight_sum).unwrap_or(u32::MAX))
    }
}

/// Length of a longest common subsequence, by the textbook table: the reference the
/// alignment is tested against.
#[must_use]
pub fn reference_lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            table[i][j] = if a[i - 1] == b[j - 1] {
                table[i - 1][j - 1] + 1
            } else {
                table[i - 1][j].max(table[i][j - 1])
            };
        }
    }
    table[a.len()][b.len()]
}

/// A template of plain words with no holes, for tests.
#[derive(Debug)]
pub struct NoHoles(pub usize);

impl Literals for NoHoles {
    fn count(&self) -> usize {
        self.0
    }
    fn hole_before(&self, _: usize) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &[&str], paste: &[&str]) -> Pairs {
        let positions: Vec<usize> = (0..paste.len()).collect();
        Aligner::default()
            .align(&NoHoles(template.len()), &positions, |i, k| {
                u32::from(template[i] == paste[k])
            })
            .0
    }

    #[test]
    fn a_later_repeat_does_not_pull_the_match_away() {
        let t = ["statuscode", "429"];
        let p = ["exception", "statuscode", "429", "at", "10", "retry", "429"];
        assert_eq!(run(&t, &p), [(0, 1), (1, 2)]);
        let p = ["429", "x", "statuscode", "429", "then", "statuscode"];
        assert_eq!(run(&t, &p), [(0, 2), (1, 3)]);
    }

    #[test]
    fn matches_as_many_words_as_the_longest_common_subsequence() {
        let t = ["a", "b", "c", "a", "b"];
        let p = ["b", "a", "c", "b", "a", "b", "c"];
        let pairs = run(&t, &p);
        assert_eq!(pairs.len(), reference_lcs(&t, &p));
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
    }
}
