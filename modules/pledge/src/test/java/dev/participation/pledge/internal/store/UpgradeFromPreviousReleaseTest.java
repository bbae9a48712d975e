package dev.participation.pledge.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database made by the previous release (see {@link PreviousRelease}) starts on this one: the
 * pledge tables, which that release made with the platform's V002 and V003, now belong to the
 * pledge schema, and nothing is run twice or lost.
 */
class UpgradeFromPreviousReleaseTest {

    private static final long FAMILIES = 3;

    private static TestStorage upgraded(DatabaseKind kind) {
        return TestStorage.upgraded(kind, PledgeSchema.NAME, PreviousRelease::fill);
    }

    private static PledgeStore pledges(TestStorage db) {
        return new PledgeStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyPledgeVersionAndPieceOfEvidenceIsKept(DatabaseKind kind) {
        try (TestStorage db = upgraded(kind)) {
            PledgeStore pledges = pledges(db);

            assertThat(pledges.drafts()).extracting(PledgeDraft::slug).containsExactly(
                    "our-promise-to-children-and-young-people", "our-charter-for-parents-and-carers",
                    "families-promise", "draft-only");
            assertThat(pledges.published()).extracting(PublishedPledge::slug).containsExactlyInAnyOrder(
                    "our-promise-to-children-and-young-people", "our-charter-for-parents-and-carers",
                    "families-promise");
            assertThat(pledges.history(FAMILIES)).extracting(PledgeVersion::version, PledgeVersion::publishedBy)
                    .containsExactlyInAnyOrder(tuple(1, "editor1"),
                            tuple(2, "editor1"),
                            tuple(3, "editor2"));

            PublishedPledge shown = pledges.published("families-promise").orElseThrow();
            assertThat(shown.version()).isEqualTo(3);
            assertThat(shown.content().introduction()).isEqualTo("Version three");
            PledgeDraft draft = pledges.draft(FAMILIES).orElseThrow();
            assertThat(draft.content().introduction()).isEqualTo("Draft not yet published");
            assertThat(draft.unpublishedChanges()).isTrue();
            assertThat(draft.revision()).isEqualTo(4);

            // Newest first. V003 set approved_by for the evidence of its day; had it run again, the
            // waiting evidence would have been approved behind the editors' backs.
            assertThat(pledges.evidence(FAMILIES, "answer"))
                    .extracting(Evidence::description, Evidence::approvedBy)
                    .containsExactly(tuple("Survey of families", ""),
                            tuple("Answered 97% of letters in time", "editor1"));
            assertThat(pledges.evidence(1, "influence-1")).hasSize(1);
            assertThat(db.count("SELECT COUNT(*) FROM pledge_version")).isEqualTo(5);
            assertThat(db.count("SELECT COUNT(*) FROM pledge_evidence")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePledgeSchemaTakesOverTheScriptsInsteadOfRunningThem(DatabaseKind kind) {
        try (TestStorage db = upgraded(kind)) {
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE schema_name = 'pledge'")).isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM schema_history h JOIN schema_version v"
                    + " ON v.checksum = h.checksum AND v.applied_at = h.applied_at WHERE h.schema_name = 'pledge'"))
                    .as("taken over with the platform's checksum and date").isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM schema_version WHERE version IN (2, 3)"))
                    .as("the platform's history is left as it was").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void editingPublishingAndEvidenceCarryOn(DatabaseKind kind) {
        try (TestStorage db = upgraded(kind)) {
            PledgeStore pledges = pledges(db);
            PledgeDraft draft = pledges.draft(FAMILIES).orElseThrow();
            PledgeContent edited = withFirstCommitment(draft.content(), "We answer within two working days.");

            PledgeDraft saved = pledges.saveDraft(FAMILIES, draft.revision(), edited, "editor2");
            PledgeVersion fourth = pledges.publish(FAMILIES, saved.revision(), "editor2");
            Evidence approved = pledges.approveEvidence(FAMILIES,
                    pledges.evidence(FAMILIES, "answer").get(0).id(), "editor2");
            Evidence added = pledges.addEvidence(FAMILIES, "explain", LocalDate.of(2026, 3, 1),
                    "Decision letters reviewed", "", "editor2", true);
            PledgeDraft created = pledges.create("new-after-upgrade", edited, "editor1");

            assertThat(fourth.version()).isEqualTo(4);
            assertThat(pledges.published("families-promise").orElseThrow().content().principles().get(0)
                    .commitments().get(0).text()).isEqualTo("We answer within two working days.");
            assertThat(approved.approvedBy()).isEqualTo("editor2");
            assertThat(added.id()).as("new ids follow the old ones").isGreaterThan(3);
            assertThat(created.id()).isGreaterThan(4);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUpgradedDatabaseHasTheSamePledgeTablesAsAFreshOne(DatabaseKind kind) throws SQLException {
        List<String> upgradedColumns;
        try (TestStorage db = upgraded(kind)) {
            upgradedColumns = pledgeColumns(db);
        }
        try (TestStorage fresh = TestStorage.open(kind, PledgeSchema.NAME)) {
            assertThat(pledgeColumns(fresh)).isEqualTo(upgradedColumns).isNotEmpty();
        }
    }

    private static List<String> pledgeColumns(TestStorage db) throws SQLException {
        String schema = db.kind() == DatabaseKind.H2 ? "'PUBLIC'" : "current_schema()";
        List<String> columns = new ArrayList<>();
        try (Connection connection = db.rawConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                        + " WHERE table_schema = " + schema + " AND LOWER(table_name) LIKE 'pledge%'"
                        + " ORDER BY table_name, column_name");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add((rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4) + " " + rows.getString(5)).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static PledgeContent withFirstCommitment(PledgeContent content, String text) {
        Principle first = content.principles().get(0);
        List<Commitment> commitments = new ArrayList<>(first.commitments());
        Commitment old = commitments.get(0);
        commitments.set(0, new Commitment(old.key(), text, old.easyReadText()));
        Principle changed = new Principle(first.key(), first.title(), first.promise(), first.easyReadPromise(),
                first.imageUrl(), first.imageAlt(), commitments);
        return new PledgeContent(content.title(), content.audience(), content.introduction(),
                content.easyReadIntroduction(), List.of(changed), content.signatories());
    }
}
