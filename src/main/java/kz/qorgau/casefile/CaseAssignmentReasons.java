package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kz.qorgau.privacy.SealedColumns;
import kz.qorgau.privacy.SealedText;

/** The reasons of case hand-overs are free text written with native SQL: a key rotation moves them too. */
@ApplicationScoped
public class CaseAssignmentReasons implements SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(new SealedColumn("case_assignment", "reason", (tenant, id) -> SealedText.CONTEXT));
    }
}
