package id.formasi.solver.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * The generator's only source of randomness. It wraps {@link java.util.Random}, whose algorithm the
 * JDK specifies, and uses only its specified methods ({@code nextInt(bound)}, {@code nextDouble()},
 * {@code nextGaussian()}), so a seed gives the same snapshot on every JDK.
 */
final class Rng {

    private final Random random;

    Rng(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform integer in lo..hi, both included. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        return random.nextGaussian();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A month in from..to, both included. */
    YearMonth month(YearMonth from, YearMonth to) {
        int span = (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
        return from.plusMonths(random.nextInt(span + 1));
    }

    /** A day of the given month. */
    LocalDate day(YearMonth month) {
        return month.atDay(between(1, month.lengthOfMonth()));
    }
}
