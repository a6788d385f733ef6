package kz.qorgau.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.risk.RiskDtos.NewAssessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped checklist and the scoring rules, without a server. */
class QuestionnaireTest {

    private static Questionnaire checklist;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = QuestionnaireTest.class.getResourceAsStream("/risk/default-questionnaire.json")) {
            checklist = new ObjectMapper().readValue(in, Questionnaire.class);
        }
    }

    /** Answers YES to one-point questions until the score is reached, NO to the rest. */
    private static Map<String, Answer> answersScoring(int score) {
        Map<String, Answer> answers = new HashMap<>();
        int left = score;
        for (Questionnaire.Question q : checklist.questions()) {
            int weight = q.weights().getOrDefault(Answer.YES, 0);
            boolean yes = weight == 1 && left > 0;
            answers.put(q.id(), yes ? Answer.YES : Answer.NO);
            left -= yes ? 1 : 0;
        }
        assertEquals(0, left, "the checklist has enough one-point questions");
        return answers;
    }

    @Test
    void theShippedChecklistIsWellFormedInThreeLanguages() {
        assertEquals(List.of(), checklist.problems());
        assertTrue(checklist.questions().size() >= 20);
        checklist
                .questions()
                .forEach(q -> assertEquals(Questionnaire.LANGUAGES, q.text().keySet(), q.id()));
    }

    @ParameterizedTest
    @CsvSource({"0, ROUTINE", "7, ROUTINE", "8, HIGH", "13, HIGH", "14, EMERGENCY", "16, EMERGENCY"})
    void scoreMapsToItsLevelAtEveryThreshold(int score, Priority level) {
        Questionnaire.Scoring scoring = checklist.score(answersScoring(score));
        assertEquals(score, scoring.score());
        assertEquals(level, scoring.level());
    }

    @Test
    void weightedAnswersCountTheirWeightAndNotKnownCountsNothing() {
        Map<String, Answer> answers = answersScoring(0);
        answers.put("strangulation", Answer.YES);
        answers.put("weapons", Answer.NOT_KNOWN);
        assertEquals(3, checklist.score(answers).score());
    }

    @Test
    void everyQuestionMustBeAnsweredAndNoOtherOne() {
        Map<String, Answer> answers = answersScoring(0);
        answers.remove("injury");
        answers.put("favourite-colour", Answer.YES);
        ProblemException.InvalidInput problem =
                assertThrows(ProblemException.InvalidInput.class, () -> checklist.score(answers));
        assertEquals(
                List.of("answers.injury", "answers.favourite-colour"),
                problem.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void judgementRaisesTheLevelWithAReasonAndNeverLowersIt() {
        assertEquals(
                Priority.EMERGENCY,
                RiskService.judged(
                        Priority.HIGH,
                        new NewAssessment(Map.of(), Priority.EMERGENCY, "Perpetrator released from custody today")));
        assertEquals(
                Priority.HIGH, RiskService.judged(Priority.HIGH, new NewAssessment(Map.of(), Priority.HIGH, "same")));
        assertThrows(
                ProblemException.InvalidInput.class,
                () -> RiskService.judged(
                        Priority.HIGH, new NewAssessment(Map.of(), Priority.ROUTINE, "she seems calm")));
        assertThrows(
                ProblemException.InvalidInput.class,
                () -> RiskService.judged(Priority.HIGH, new NewAssessment(Map.of(), Priority.EMERGENCY, " ")));
        assertThrows(
                ProblemException.InvalidInput.class,
                () -> RiskService.judged(Priority.HIGH, new NewAssessment(Map.of(), null, "a reason without a level")));
    }

    @Test
    void aDefinitionWithBrokenThresholdsOrRepeatedQuestionsIsRefused() {
        Questionnaire.Question q = checklist.questions().get(0);
        Questionnaire broken =
                new Questionnaire(checklist.name(), List.of(q, q), Map.of(Priority.HIGH, 10, Priority.EMERGENCY, 5));
        assertEquals(
                List.of("questions[1].id", "thresholds"),
                broken.problems().stream().map(FieldError::field).toList());
    }
}
