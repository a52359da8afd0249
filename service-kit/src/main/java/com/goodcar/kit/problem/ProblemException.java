package com.goodcar.kit.problem;

/** Thrown by a service to answer with a specific problem; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(404, "not-found", what + " not found",
                "No " + what.toLowerCase() + " with id '" + id + "'."));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public static ProblemException invalid(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail));
    }
}
