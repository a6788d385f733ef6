package kz.qorgau.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads enum-valued parameters so that an unknown value is answered with the parameter's name and the
 * values it takes, rather than with JAX-RS's default 404. The name comes from the parameter's annotation,
 * so resources name enum parameters explicitly ({@code @RestQuery("kind")}).
 */
@Provider
public class EnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("kz.qorgau")) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType, parameterName(annotations));
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = "";
            if (annotation instanceof QueryParam q) {
                name = q.value();
            } else if (annotation instanceof RestQuery q) {
                name = q.value();
            } else if (annotation instanceof PathParam p) {
                name = p.value();
            } else if (annotation instanceof RestPath p) {
                name = p.value();
            } else if (annotation instanceof HeaderParam h) {
                name = h.value();
            } else if (annotation instanceof RestHeader h) {
                name = h.value();
            }
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException unknown) {
                throw new ProblemException.InvalidInput(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
