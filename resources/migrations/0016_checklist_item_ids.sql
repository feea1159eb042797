-- Checklist items get stable ids (JSON array, in the order of `items`): task_progress.checklist
-- keys its ticks by item id from now on, so a template upgrade or a translation that rewrites an
-- item's text keeps the tick. Rows from before read their ids from their texts (and a checklist
-- keyed by text still counts) until the next upgrade writes ids. Synced: data format 2.
ALTER TABLE roadmap_task ADD COLUMN item_ids TEXT NOT NULL DEFAULT '[]';
