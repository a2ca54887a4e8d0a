package io.vigil.schemas.serde;

import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

import java.util.List;

/**
 * The Avro data model for Vigil's generated classes, with the packages whose classes a schema may name
 * ({@code java-class}) trusted explicitly, reader by reader. Avro 1.12 refuses to instantiate classes outside
 * trusted packages; trusting {@code *} through the global system property would switch that defence off for every
 * library in the process, so the list is kept here and kept short.
 */
final class TrustedSpecificData extends SpecificData {

    static final List<String> TRUSTED_PACKAGES = List.of("io.vigil.schemas.");

    TrustedSpecificData(SpecificData generatedModel) {
        super(generatedModel.getClassLoader());
        for (Conversion<?> conversion : generatedModel.getConversions()) {
            addLogicalTypeConversion(conversion);
        }
        // A model built from a class loader starts with Avro's fast reader off; the generated model has it on, and
        // without it every record is read through a ResolvingDecoder at twice the cost.
        setFastReaderEnabled(generatedModel.isFastReaderEnabled());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public DatumReader createDatumReader(Schema writer, Schema reader) {
        SpecificDatumReader<?> datumReader = new SpecificDatumReader<>(writer, reader, this);
        for (String trusted : TRUSTED_PACKAGES) {
            if (!datumReader.getTrustedPackages().contains(trusted)) {
                datumReader.getTrustedPackages().add(trusted);
            }
        }
        return datumReader;
    }
}
