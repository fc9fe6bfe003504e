package org.allmende.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;

/** Members for tests that need some: a municipality applies and two board votes admit it. */
public final class Admissions {

    public record Admitted(long number, String memberId) {}

    private Admissions() {}

    /** Returns once the member register shows the new member. */
    public static Admitted admit(RunningMembershipService service, String name) {
        var id = service.api()
                .post("/api/applications", ApplicationForms.municipality(name))
                .json()
                .get("applicationId")
                .asText();
        var board = service.api(DemoLogins.BOARD);
        board.post("/api/applications/" + id + "/votes", Map.of("vote", "APPROVE"));
        var approved =
                service.api(DemoLogins.BOARD_2).post("/api/applications/" + id + "/votes", Map.of("vote", "APPROVE"));
        assertThat(approved.json().path("outcome").asText())
                .as(approved.toString())
                .isEqualTo("APPROVED");
        var number = approved.json().get("memberNumber").asLong();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get("/api/members/" + number).status() == 200);
        return new Admitted(number, approved.json().get("memberId").asText());
    }
}
