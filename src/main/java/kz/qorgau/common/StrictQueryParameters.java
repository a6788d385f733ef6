package kz.qorgau.common;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter an operation of the partner documents does not take, as a JSON body refuses a field it does not have
 * ({@code quarkus.jackson.fail-on-unknown-properties}). A query string was read leniently: {@code
 * /referrals?directon=incoming} answered the outgoing list, and {@code ?agencyId=} with another network's agency the
 * caller's own data, each with a 200 that let the partner believe its filter had been applied. A misspelt filter is an
 * error the partner should hear about: 400, naming each parameter it does not take, and each it takes but was given
 * empty.
 */
public class StrictQueryParameters {

    static final String NOT_A_PARAMETER = "is not a query parameter of this operation";

    /**
     * {@code ?state=} or {@code ?state} read as no filter, and answered the whole list: a partner whose filter value
     * came out empty believed it filtered (the outside probe of issue 26).
     */
    static final String EMPTY = "is empty: leave it out, or give it a value";

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void refuse(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        // Every operation of the partner documents, but not the recipient's pages (/r): those are a browser's, whose
        // forms post back to the page's own address, query string and all.
        if (method == null || given.isEmpty() || request.getUriInfo().getPath().startsWith("/r/")) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, StrictQueryParameters::queryParametersOf);
        var values = request.getUriInfo().getQueryParameters();
        List<ProblemException.FieldError> refused = new TreeSet<>(given)
                .stream()
                        .filter(name -> !taken.contains(name)
                                || values.get(name).stream().anyMatch(String::isEmpty))
                        .map(name ->
                                new ProblemException.FieldError(name, taken.contains(name) ? EMPTY : NOT_A_PARAMETER))
                        .toList();
        if (refused.isEmpty()) {
            refused = unreadableNumbers(method, values);
        }
        if (!refused.isEmpty()) {
            throw new ProblemException.InvalidInput(refused);
        }
    }

    private static final Map<Method, Set<String>> WHOLE_NUMBERS = new ConcurrentHashMap<>();

    /**
     * Each whole-number parameter (a page's limit) given a value that is not one, named: the REST layer's own reading
     * refused {@code limit=1e2} without saying which parameter it could not read.
     */
    private static List<ProblemException.FieldError> unreadableNumbers(
            Method method, jakarta.ws.rs.core.MultivaluedMap<String, String> values) {
        Set<String> numbers = WHOLE_NUMBERS.computeIfAbsent(method, StrictQueryParameters::wholeNumberParametersOf);
        return numbers.stream()
                .filter(name ->
                        values.containsKey(name) && values.get(name).stream().anyMatch(value -> !isInt(value)))
                .sorted()
                .map(name -> new ProblemException.FieldError(name, NOT_A_NUMBER))
                .toList();
    }

    static final String NOT_A_NUMBER = "must be a number";

    /** ASCII digits alone: Integer.parseInt also reads "+1" and other scripts' digits ("１", "١") as numbers. */
    private static boolean isInt(String value) {
        if (!value.matches("-?[0-9]{1,10}")) {
            return false;
        }
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<String> wholeNumberParametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == int.class || parameter.getType() == Integer.class) {
                String name = queryName(parameter);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static String queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
        if (restQuery != null) {
            return restQuery.value().isEmpty() ? parameter.getName() : restQuery.value();
        }
        return null;
    }

    /** The names of the query parameters a resource method declares (the build keeps parameter names: -parameters). */
    static Set<String> queryParametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            String name = queryName(parameter);
            if (name != null) {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }
}
