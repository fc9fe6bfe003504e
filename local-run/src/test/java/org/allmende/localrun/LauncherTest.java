package org.allmende.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theDemoIsOnUnlessSwitchedOffByArgumentOrEnvironment() {
        assertThat(Launcher.demoWanted(new String[0], Map.of())).isTrue();
        assertThat(Launcher.demoWanted(new String[0], Map.of("ALLMENDE_DEMO", "true")))
                .isTrue();
        assertThat(Launcher.demoWanted(new String[] {"--no-demo"}, Map.of())).isFalse();
        assertThat(Launcher.demoWanted(new String[0], Map.of("ALLMENDE_DEMO", "false")))
                .isFalse();
        assertThat(Launcher.demoWanted(new String[0], Map.of("ALLMENDE_DEMO", " FALSE ")))
                .isFalse();
    }
}
