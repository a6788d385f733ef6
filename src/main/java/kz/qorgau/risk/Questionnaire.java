package kz.qorgau.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A risk checklist as data: questions with a weight per answer, and the scores from which the total
 * means HIGH or EMERGENCY risk. Scoring is plain arithmetic on this record, so unit tests reach every
 * threshold without a server.
 *
 * @param name       the checklist's title per language (kk, ru, en)
 * @param thresholds the lowest score that is HIGH, and the lowest that is EMERGENCY
 */
public record Questionnaire(
        Map<String, String> name,
        @Schema(maxItems = MAX_QUESTIONS) List<Question> questions,
        Map<Priority, Integer> thresholds) {

    static final int MAX_QUESTIONS = 200;

    public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    /** @param weights the score each answer adds; an answer not listed adds nothing */
    public record Question(String id, String topic, Map<String, String> text, Map<Answer, Integer> weights) {}

    public record Scoring(int score, Priority level) {}

    /** The problems that make a definition unusable; empty when it can be published. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.keySet().containsAll(LANGUAGES)) {
            errors.add(new FieldError("name", "needs a title in kk, ru and en"));
        }
        if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "must list 1 to " + MAX_QUESTIONS + " questions"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                String at = "questions[" + i + "]";
                if (q == null || q.id() == null || !q.id().matches("^[a-z0-9-]{1,64}$")) {
                    errors.add(new FieldError(at + ".id", "must be 1 to 64 lower-case letters, digits or dashes"));
                    continue;
                }
                if (!ids.add(q.id())) {
                    errors.add(new FieldError(at + ".id", "repeats question " + q.id()));
                }
                if (q.text() == null
                        || !q.text().keySet().containsAll(LANGUAGES)
                        || q.text().values().stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 1000)) {
                    errors.add(new FieldError(
                            at + ".text", "needs the question in kk, ru and en, each at most 1000 characters"));
                }
                if (q.weights() == null || q.weights().values().stream().anyMatch(w -> w == null || w < 0 || w > 100)) {
                    errors.add(new FieldError(at + ".weights", "must give each answer a weight from 0 to 100"));
                }
            }
        }
        Integer high = thresholds == null ? null : thresholds.get(Priority.HIGH);
        Integer emergency = thresholds == null ? null : thresholds.get(Priority.EMERGENCY);
        if (high == null || emergency == null || high < 1 || emergency <= high) {
            errors.add(new FieldError("thresholds", "needs HIGH of at least 1 and EMERGENCY above HIGH"));
        }
        return errors;
    }

    /**
     * Scores a complete set of answers.
     *
     * @throws ProblemException.InvalidInput naming each unknown or unanswered question
     */
    public Scoring score(Map<String, Answer> answers) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        int score = 0;
        for (Question question : questions) {
            known.add(question.id());
            Answer answer = answers.get(question.id());
            if (answer == null) {
                errors.add(new FieldError("answers." + question.id(), "must be answered YES, NO or NOT_KNOWN"));
            } else {
                score += question.weights().getOrDefault(answer, 0);
            }
        }
        answers.keySet().stream()
                .filter(id -> !known.contains(id))
                .sorted()
                .forEach(id -> errors.add(new FieldError("answers." + id, "is not a question of this checklist")));
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        return new Scoring(score, levelFor(score));
    }

    public Priority levelFor(int score) {
        if (score >= thresholds.get(Priority.EMERGENCY)) {
            return Priority.EMERGENCY;
        }
        return score >= thresholds.get(Priority.HIGH) ? Priority.HIGH : Priority.ROUTINE;
    }
}
