package dev.participation.service.internal.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        MigrationScript script = MigrationScript.of("V007__texts.sql", """
                -- first; the table
                CREATE TABLE t (a VARCHAR(20));
                INSERT INTO t (a) VALUES ('it''s; fine');
                INSERT INTO t (a) VALUES ('two')
                """);

        assertThat(script.version()).isEqualTo(7);
        assertThat(script.statements()).containsExactly(
                "CREATE TABLE t (a VARCHAR(20))",
                "INSERT INTO t (a) VALUES ('it''s; fine')",
                "INSERT INTO t (a) VALUES ('two')");
    }

    @Test
    void lineEndingsDoNotChangeTheChecksumButContentDoes() {
        MigrationScript unix = MigrationScript.of("V001__a.sql", "CREATE TABLE a (id INT);\n");
        MigrationScript windows = MigrationScript.of("V001__a.sql", "CREATE TABLE a (id INT);\r\n");
        MigrationScript edited = MigrationScript.of("V001__a.sql", "CREATE TABLE a (id BIGINT);\n");

        assertThat(windows.checksum()).isEqualTo(unix.checksum());
        assertThat(edited.checksum()).isNotEqualTo(unix.checksum());
    }

    @Test
    void namesMustCarryAVersion() {
        assertThatThrownBy(() -> MigrationScript.of("pledges.sql", "SELECT 1;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V001__what.sql");
    }
}
