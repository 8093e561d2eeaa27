package eu.portalliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerCpuTest {

    @Test
    void aCompilerThreadThatEndedDoesNotMakeTheFigureNegative() {
        assertThat(CompilerCpu.available()).as("/proc/self/task, where Linux accounts each thread's CPU").isTrue();
        Map<String, Long> now = CompilerCpu.now();
        assertThat(now).as("this JVM's C1/C2 threads, read from /proc").isNotEmpty();
        Map<String, Long> before = new HashMap<>(now);
        before.put("ended-thread", 1_000_000L); // ten thousand seconds of CPU a stopped compiler thread took with it

        assertThat(CompilerCpu.secondsSince(before)).isGreaterThanOrEqualTo(0);
        assertThat(CompilerCpu.percentOfACore(before, 1.0)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aThreadStartedSinceTheReadingCountsWhole() {
        assertThat(CompilerCpu.available()).as("/proc/self/task, where Linux accounts each thread's CPU").isTrue();
        Map<String, Long> now = CompilerCpu.now();
        String someThread = now.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(now.get(someThread)).as("the busiest compiler thread has compiled something by now").isPositive();
        Map<String, Long> before = new HashMap<>(now);
        before.remove(someThread);

        assertThat(CompilerCpu.secondsSince(before)).isGreaterThanOrEqualTo(now.get(someThread) / 100.0);
    }
}
