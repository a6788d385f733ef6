package kz.qorgau.privacy;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Free text about people (an incident's account and the people in it, a case summary, notes, order
 * conditions, risk answers) sealed at rest with the survivor vault's keys. An entity field marked
 * {@code @Convert(converter = SealedText.class)} holds the text in memory; its column holds only the
 * AES-GCM value, which names the key that sealed it.
 *
 * <p>The associated data marks a value as free text, but does not bind it to its row: a value copied into
 * another row opens there. Binding the row would need the entity's id, which a converter is not given;
 * the survivor's own data ({@code SurvivorVault}) is bound to her row, tenant and field.
 */
@Converter
public class SealedText implements AttributeConverter<String, byte[]> {

    /** The associated data of every free-text value; a column sealed with {@link #seal} names it to the rotation. */
    public static final String CONTEXT = "free-text";

    @Override
    public byte[] convertToDatabaseColumn(String text) {
        return cipher().seal(text, CONTEXT);
    }

    @Override
    public String convertToEntityAttribute(byte[] sealed) {
        return cipher().open(sealed, CONTEXT);
    }

    /** Seals outside an entity, for the jobs that write free text with native SQL. */
    public static byte[] seal(String text) {
        return cipher().seal(text, CONTEXT);
    }

    // Hibernate creates converters itself; the cipher is the one produced from configuration.
    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }
}
