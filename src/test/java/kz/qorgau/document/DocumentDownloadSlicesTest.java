package kz.qorgau.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.document.DocumentDtos.Content;
import org.junit.jupiter.api.Test;

/** A download's body, without a server: its slices, its room given back once, and its reader's deadline. */
class DocumentDownloadSlicesTest {

    @Test
    void theSlicesAreTheDocumentAndItsRoomIsGivenBackOnceTheLastHasGone() {
        byte[] bytes = DocumentMemoryTest.pdfOf(200_000);
        AtomicInteger givenBack = new AtomicInteger();
        AssertSubscriber<byte[]> reader = AssertSubscriber.create();
        DocumentUploads.download(content(bytes, givenBack::incrementAndGet), config(Duration.ofSeconds(20)))
                .subscribe(reader);
        // One slice at a time, as the server asks once the one before has been written.
        reader.request(1);
        assertEquals(1, reader.getItems().size());
        assertEquals(64 * 1024, reader.getItems().get(0).length);
        assertEquals(0, givenBack.get(), "held while slices are still to go");
        reader.request(10);
        reader.assertCompleted();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        reader.getItems().forEach(whole::writeBytes);
        assertArrayEquals(bytes, whole.toByteArray());
        assertEquals(4, reader.getItems().size());
        assertEquals(1, givenBack.get());
    }

    @Test
    void aReaderWhoStopsTakingIsCutOffAndTheRoomGivenBack() {
        AtomicInteger givenBack = new AtomicInteger();
        AssertSubscriber<byte[]> reader = AssertSubscriber.create(1);
        DocumentUploads.download(
                        content(DocumentMemoryTest.pdfOf(200_000), givenBack::incrementAndGet),
                        config(Duration.ofSeconds(2)))
                .subscribe(reader);
        // The first slice is taken; the next is never asked for, as when the socket stops draining. (The deadline runs
        // from the download's making: two seconds, as the first use of Mutiny here takes a quarter of one.)
        reader.awaitFailure(Duration.ofSeconds(5));
        assertInstanceOf(DocumentUploads.ReaderTooSlow.class, reader.getFailure());
        assertEquals(1, reader.getItems().size());
        assertEquals(1, givenBack.get());
    }

    @Test
    void aReaderWhoGoesGivesTheRoomBack() {
        AtomicInteger givenBack = new AtomicInteger();
        AssertSubscriber<byte[]> reader = AssertSubscriber.create(1);
        DocumentUploads.download(
                        content(DocumentMemoryTest.pdfOf(200_000), givenBack::incrementAndGet),
                        config(Duration.ofSeconds(20)))
                .subscribe(reader);
        reader.cancel();
        assertEquals(1, givenBack.get());
    }

    private static Content content(byte[] bytes, Runnable sent) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.kind = DocumentKind.OTHER;
        document.mediaType = DocumentUploads.PDF;
        document.sizeBytes = bytes.length;
        return new Content(document, bytes, sent);
    }

    private static DocumentConfig config(Duration grace) {
        return new DocumentConfig() {
            @Override
            public int maxBytes() {
                return 5_242_880;
            }

            @Override
            public StoreChoice store() {
                return StoreChoice.DATABASE;
            }

            @Override
            public ObjectStore s3() {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<io.quarkus.runtime.configuration.MemorySize> memoryBudget() {
                return java.util.Optional.empty();
            }

            @Override
            public Duration uploadGrace() {
                return grace;
            }

            @Override
            public long uploadMinBytesPerSecond() {
                // Fast enough that the grace alone is the deadline.
                return 1_000_000_000L;
            }
        };
    }
}
