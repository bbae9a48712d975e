-- Scheduled jobs: db-scheduler's own table, as its PostgreSQL script defines it, in SQL that H2
-- accepts too. Each due run is claimed by one node with an optimistic update of "version", which is
-- what makes a job run once across nodes.
CREATE TABLE scheduled_tasks (
    task_name VARCHAR(200) NOT NULL,
    task_instance VARCHAR(200) NOT NULL,
    task_data BYTEA,
    execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(200),
    last_success TIMESTAMP WITH TIME ZONE,
    last_failure TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_by_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_by_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_by_priority ON scheduled_tasks (priority DESC, execution_time ASC);
