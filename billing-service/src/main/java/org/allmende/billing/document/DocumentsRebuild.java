package org.allmende.billing.document;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the issued documents from billing's event store: the {@value IssuedDocuments#PROCESSOR} processor is
 * stopped, its token reset (the tables are emptied) and started again; it then replays every event. Numbers, drafts
 * and the event store are not touched.
 */
@Component
public class DocumentsRebuild {

    private final EventProcessingConfiguration processing;

    DocumentsRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void start() {
        var processor = processing
                .eventProcessor(IssuedDocuments.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + IssuedDocuments.PROCESSOR));
        processor.shutDown();
        try {
            processor.resetTokens();
            LoggerFactory.getLogger(DocumentsRebuild.class).info("issued documents are rebuilt from the event store");
        } catch (UnableToClaimTokenException e) {
            throw new DocumentRefused(
                    "rebuild-while-another-instance-projects",
                    "Another billing instance holds the documents projection; stop it or try again.");
        } finally {
            processor.start();
        }
    }
}
