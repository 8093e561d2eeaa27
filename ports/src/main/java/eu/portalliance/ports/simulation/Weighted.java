package eu.portalliance.ports.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks from a fixed list with fixed weights, from the simulation's one random source (so a seed fixes everything). */
final class Weighted<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T item, double weight) {
        if (weight > 0) {
            total += weight;
            items.add(item);
            cumulative.add(total);
        }
        return this;
    }

    boolean contains(T item) {
        return items.contains(item);
    }

    T pick(SplittableRandom random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            if (x < cumulative.get(i)) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }
}
