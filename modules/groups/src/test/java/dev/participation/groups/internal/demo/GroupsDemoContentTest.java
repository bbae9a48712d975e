package dev.participation.groups.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import dev.participation.api.audit.AuditEntry;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema("groups")
class GroupsDemoContentTest {

    AuditLogStore audit;
    GroupStore groups;
    GroupsDemoContent demo;

    @BeforeEach
    void createStore(TestStorage db) {
        audit = new AuditLogStore(db.platform(), db.clock());
        groups = new GroupStore(db.storage(), audit, db.clock());
        demo = new GroupsDemoContent(groups);
    }

    @StoreTest
    void theDemoFillsTheDirectoryWithTenGroupsLikeTheSeeds() {
        demo.install("system");

        assertThat(groups.all()).hasSize(10).allSatisfy(group -> {
            assertThat(group.details().manager()).isEqualTo("admin");
            assertThat(group.updatedBy()).isEqualTo("system");
        });
        PublicGroup primary = groups.find("primary-parliament").orElseThrow();
        assertThat(primary.whoFor().firstYear()).isEqualTo(SchoolYear.YEAR_5);
        assertThat(primary.whoFor().lastYear()).isEqualTo(SchoolYear.YEAR_6);
        assertThat(primary.feedsInto()).isEqualTo(FeedsInto.group("youth-cabinet", 1));
        assertThat(groups.find("youth-cabinet").orElseThrow().whoFor().youngest()).isEqualTo(16);
        assertThat(groups.find("young-carers-forum").orElseThrow().whoFor().oldest()).isEqualTo(19);
        assertThat(groups.find("children-in-care-council").orElseThrow().feedsInto().board())
                .isEqualTo("Corporate Parenting Board");
        assertThat(audit.recent(20)).extracting(AuditEntry::action).containsOnly("group.create").hasSize(10);
    }

    @StoreTest
    void aSeventeenYearOldCareLeaverFindsTheirGroupsAndTheOnesOpenToAll() {
        demo.install("system");

        DirectoryPage page = groups.search(new GroupQuery("", 17, Set.of(Eligibility.CARE_LEAVER), Set.of(), Set.of(),
                0, 20));

        assertThat(page.groups()).extracting(PublicGroup::slug).containsExactly("care-leavers-forum",
                "children-in-care-council", "young-inspectors", "youth-cabinet", "youth-council");
        assertThat(page.facets().ways()).containsEntry(Attendance.ONLINE, 4);
    }

    @StoreTest
    void installingAgainLeavesTheGroupsAsEditorsLeftThem() {
        demo.install("system");
        Group cabinet = groups.all().stream().filter(g -> g.slug().equals("youth-cabinet")).findFirst().orElseThrow();
        groups.update(cabinet.id(), cabinet.version(), cabinet.details(), "editor");

        demo.install("system");

        assertThat(groups.all()).hasSize(10);
        assertThat(groups.group(cabinet.id()).orElseThrow().updatedBy()).isEqualTo("editor");
    }
}
