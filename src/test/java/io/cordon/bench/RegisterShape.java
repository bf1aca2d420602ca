package io.cordon.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Who holds what in the generated register, decided before a row is written: how many holders each secret has
 * (a long tail: a few secrets with thousands of holders, most with tens), which partners they are (popular partners
 * hold many secrets), and the order in which the disclosures happened. Deterministic for a seed.
 */
final class RegisterShape {

  /** Disclosures in chronological order; the row at index i becomes the i-th disclosure inserted. */
  final int[] secretOf;
  final int[] partnerOf;
  /** Holders per secret, indexed like the secrets (0 = TS-0001). */
  final int[] holdersPerSecret;

  private RegisterShape(int[] secretOf, int[] partnerOf, int[] holdersPerSecret) {
    this.secretOf = secretOf;
    this.partnerOf = partnerOf;
    this.holdersPerSecret = holdersPerSecret;
  }

  /**
   * Secret of rank r gets about C / (r + 20) holders (a Zipf-like tail): with 5,000 secrets and 1,000,000
   * disclosures the heaviest has about 9,000 holders, the median about 70, the lightest about 35. Partners are drawn
   * with weight 1 / (rank + 10)^0.9, without repeating a partner for the same secret.
   */
  static RegisterShape plan(long seed, int secrets, int partners, int disclosures) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] holders = holdersPerSecret(secrets, Math.min(partners, 9_000), disclosures);
    // Which secret is the heaviest is drawn too, so "TS-0001" is not special.
    int[] rankOf = permutation(secrets, random);
    int[] holdersOf = new int[secrets];
    for (int s = 0; s < secrets; s++) {
      holdersOf[s] = holders[rankOf[s]];
    }
    double[] cumulative = partnerWeights(permutation(partners, random));
    int[] secretOf = new int[disclosures];
    int[] partnerOf = new int[disclosures];
    int row = 0;
    int[] scratch = identity(partners);
    boolean[] taken = new boolean[partners];
    for (int s = 0; s < secrets; s++) {
      int n = holdersOf[s];
      if (n > partners / 8) {
        // Widely shared secrets reach almost everyone: a uniform sample without replacement (partial shuffle).
        for (int k = 0; k < n; k++) {
          int j = k + random.nextInt(partners - k);
          int t = scratch[k];
          scratch[k] = scratch[j];
          scratch[j] = t;
          secretOf[row] = s;
          partnerOf[row++] = scratch[k];
        }
      } else {
        int first = row;
        while (row - first < n) {
          int p = draw(cumulative, random.nextDouble());
          if (!taken[p]) {
            taken[p] = true;
            secretOf[row] = s;
            partnerOf[row++] = p;
          }
        }
        for (int k = first; k < row; k++) {
          taken[partnerOf[k]] = false;
        }
      }
    }
    // Disclosures of all secrets interleave in time: shuffle the pairs into a chronological order.
    for (int i = disclosures - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int s = secretOf[i];
      secretOf[i] = secretOf[j];
      secretOf[j] = s;
      int p = partnerOf[i];
      partnerOf[i] = partnerOf[j];
      partnerOf[j] = p;
    }
    return new RegisterShape(secretOf, partnerOf, holdersOf);
  }

  private static int[] holdersPerSecret(int secrets, int cap, int total) {
    double harmonic = 0;
    for (int r = 0; r < secrets; r++) {
      harmonic += 1.0 / (r + 20);
    }
    double c = total / harmonic;
    int[] holders = new int[secrets];
    long sum = 0;
    for (int r = 0; r < secrets; r++) {
      holders[r] = (int) Math.max(1, Math.min(cap, Math.round(c / (r + 20))));
      sum += holders[r];
    }
    if (total > (long) secrets * cap) {
      throw new IllegalArgumentException(total + " disclosures do not fit " + secrets + " secrets with at most " + cap
          + " holders each: generate more partners or fewer disclosures.");
    }
    // Rounding leaves a few hundred over or under: take them from (or give them to) the middle of the tail.
    int r = secrets / 2;
    while (sum != total) {
      int step = sum < total ? 1 : -1;
      if (holders[r] + step >= 1 && holders[r] + step <= cap) {
        holders[r] += step;
        sum += step;
      }
      r = r + 1 < secrets ? r + 1 : 0;
    }
    return holders;
  }

  private static double[] partnerWeights(int[] rankOf) {
    double[] cumulative = new double[rankOf.length];
    double sum = 0;
    for (int p = 0; p < rankOf.length; p++) {
      sum += Math.pow(rankOf[p] + 10, -0.9);
      cumulative[p] = sum;
    }
    for (int p = 0; p < cumulative.length; p++) {
      cumulative[p] /= sum;
    }
    return cumulative;
  }

  private static int draw(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] a = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
