"""The sync client: push the outbox, pull changes, and the scheduled check-in with the
central server (``shared/docs/sync-protocol.md``).

Until it lands, the local store is the whole truth and its outbox simply grows; the
UI reads online/offline, last sync and outbox depth from ``KioskService.sync_status``.
"""
