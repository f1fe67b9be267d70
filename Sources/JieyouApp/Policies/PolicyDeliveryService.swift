import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// 政策送达: pushing a policy online to every qualifying enterprise, recording that a cadre brought it
/// or a briefing presented it, and the enterprise's acknowledgement. A policy reaches an enterprise
/// once per channel; recording the same channel again changes nothing.
struct PolicyDeliveryService {
    let database: any Database
    let now: Date

    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// 精准推送: an online delivery to each qualifying enterprise of the actor's scope that has none yet,
    /// and a notice to its accounts. Returns how many enterprises it reached.
    func push(_ policyID: UUID, by actor: Actor) async throws -> Int {
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let policy = try await PolicyService.readable(policyID, by: actor, in: tree, on: sql)
        guard AccessPolicy.has(actor, .managePolicies) else { throw AppError.forbidden() }
        guard policy.isValid(on: today) else { throw AppError.conflict(nil, "政策不在有效期内，不能推送") }
        let root = PolicyService.scopeRoot(of: actor, for: policy, in: tree)
        let reach = try await PolicyMatching(sql: sql, tree: tree, today: today).reach(of: policy, under: root)
        let targets = reach.eligible.filter { !$0.channels.contains(.online) }.map(\.facts)
        guard !targets.isEmpty else { return 0 }
        let now = now
        let today = today
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            for chunk in targets.chunked(into: 300) {
                var insert = sql.insert(into: "policy_deliveries").columns(
                    "id", "policy_id", "enterprise_id", "org_unit_id", "channel", "delivered_on", "delivered_by",
                    "created_at")
                for e in chunk {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(policy.id), SQLBind(e.id), SQLBind(e.orgUnitID),
                        SQLBind(DeliveryChannel.online.rawValue), SQLBind(today.iso), SQLBind(actor.userID),
                        SQLBind(now))
                }
                try await insert.run()
                let accounts = try await sql.raw(
                    """
                    SELECT id FROM users WHERE active = \(bind: true)
                      AND enterprise_id IN (\(binds: chunk.map(\.id)))
                    """
                ).all().map { try $0.decode(column: "id", as: UUID.self) }
                try await NotificationStore.send(
                    to: accounts, kind: "policy", message: "新政策推送：《\(policy.title)》，请查看并确认知晓",
                    link: WebPath.myPolicies, now: now, on: sql)
            }
            var changes = ChangeSet()
            changes.record("pushed", before: nil, after: "\(targets.count)家")
            try await log.record("policy", id: policy.id.uuidString, "push", changes, orgUnit: root)
        }
        return targets.count
    }

    /// Records that a cadre (上门送达) or a briefing (宣讲会) brought the policy to `enterprises`.
    /// Every enterprise must be in the actor's scope; returns how many were new.
    func record(
        _ policyID: UUID, enterprises: [UUID], channel: DeliveryChannel, on day: LocalDate, meeting: UUID?,
        by actor: Actor
    ) async throws -> Int {
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let policy = try await PolicyService.readable(policyID, by: actor, in: tree, on: sql)
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        guard channel.isInPerson else {
            throw AppError.invalid("channel", "线上推送请使用“精准推送”，此处记录上门送达或宣讲会")
        }
        guard !enterprises.isEmpty else { throw AppError.invalid("enterpriseIds", "请选择送达的企业") }
        guard enterprises.count <= 1_000 else { throw AppError.invalid("enterpriseIds", "一次最多记录1000家企业") }
        let owners = try await EnterpriseOwners.load(enterprises, on: sql)
        let scope = tree.subtree(of: actor.orgUnitID).intersection(tree.subtree(of: policy.orgUnitId))
        for (index, id) in enterprises.enumerated() where !(owners[id].map(scope.contains) ?? false) {
            throw AppError.invalid("enterpriseIds[\(index)]", "第\(index + 1)家企业不存在或不在本单位和该政策的范围内")
        }
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await Self.insert(
                policyID, enterprises: enterprises, owners: owners, channel: channel, on: day, meeting: meeting,
                by: actor, now: now, sql: tx.sql, log: log)
        }
    }

    /// Writes in-person deliveries inside the caller's transaction (a briefing records them with its
    /// meeting), skipping enterprises that already have one by `channel`; returns how many were new.
    static func insert(
        _ policyID: UUID, enterprises: [UUID], owners: [UUID: UUID], channel: DeliveryChannel, on day: LocalDate,
        meeting: UUID?, by actor: Actor, now: Date, sql: any SQLDatabase, log: AuditLog
    ) async throws -> Int {
        guard !enterprises.isEmpty else { return 0 }
        let existing = Set(
            try await sql.raw(
                """
                SELECT enterprise_id FROM policy_deliveries WHERE policy_id = \(bind: policyID)
                  AND channel = \(bind: channel.rawValue) AND enterprise_id IN (\(binds: enterprises))
                """
            ).all().map { try $0.decode(column: "enterprise_id", as: UUID.self) })
        let fresh = Array(Set(enterprises).subtracting(existing))
        guard !fresh.isEmpty else { return 0 }
        for chunk in fresh.chunked(into: 300) {
            var insert = sql.insert(into: "policy_deliveries").columns(
                "id", "policy_id", "enterprise_id", "org_unit_id", "channel", "delivered_on", "delivered_by",
                "meeting_id", "created_at")
            for id in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(policyID), SQLBind(id), SQLBind(owners[id]!), SQLBind(channel.rawValue),
                    SQLBind(day.iso), SQLBind(actor.userID), SQLBind(meeting), SQLBind(now))
            }
            try await insert.run()
        }
        var changes = ChangeSet()
        changes.record(channel.rawValue, before: nil, after: "\(fresh.count)家")
        if let meeting { changes.record("meetingId", before: nil, after: meeting.uuidString) }
        try await log.record("policy", id: policyID.uuidString, "deliver", changes, orgUnit: actor.orgUnitID)
        return fresh.count
    }

    /// The enterprise says it knows the policy (确认知晓). A policy it found in its own account without a
    /// push counts as delivered online at that moment. Only a policy that fits the enterprise.
    func acknowledge(_ policyID: UUID, by actor: Actor) async throws {
        guard actor.has(.enterprise), let enterprise = actor.enterpriseID else { throw AppError.forbidden() }
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        guard let facts = try await EnterpriseFactsStore.load(enterprise: enterprise, on: sql),
            let fit = try await PolicyMatching(sql: sql, tree: tree, today: today).policies(for: facts).first(where: {
                $0.policy.id == policyID
            })
        else { throw AppError.notFound("政策") }
        guard fit.acknowledgedAt == nil else { return }
        let now = now
        let today = today
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            if fit.channels.contains(.online) {
                try await sql.update("policy_deliveries").set("acknowledged_at", to: now)
                    .set("acknowledged_by", to: actor.userID).where("policy_id", .equal, policyID)
                    .where("enterprise_id", .equal, enterprise).where(
                        "channel", .equal, DeliveryChannel.online.rawValue
                    )
                    .run()
            } else {
                try await sql.insert(into: "policy_deliveries")
                    .columns(
                        "id", "policy_id", "enterprise_id", "org_unit_id", "channel", "delivered_on",
                        "acknowledged_at", "acknowledged_by", "created_at"
                    )
                    .values(
                        SQLBind(UUID()), SQLBind(policyID), SQLBind(enterprise), SQLBind(facts.orgUnitID),
                        SQLBind(DeliveryChannel.online.rawValue), SQLBind(today.iso), SQLBind(now),
                        SQLBind(actor.userID), SQLBind(now)
                    ).run()
            }
            var changes = ChangeSet()
            changes.record("acknowledged", before: nil, after: facts.name)
            try await log.record("policy", id: policyID.uuidString, "acknowledge", changes, orgUnit: facts.orgUnitID)
        }
    }
}

extension PolicyDeliveryService {
    /// A delivery as the list shows it.
    struct Delivery: Codable, Sendable {
        let id: UUID
        let policyId: UUID
        let policyTitle: String
        let enterpriseId: UUID
        let enterpriseName: String
        let channel: String
        let deliveredOn: String
        let acknowledgedAt: Date?
    }

    /// At most 1,000 deliveries, newest first, of a `policy` or to an `enterprise`: an enterprise
    /// account's own, a policy reader's subtree's.
    static func list(policy: UUID?, enterprise: UUID?, for actor: Actor, on database: any Database) async throws
        -> [Delivery]
    {
        var conditions: [SQLQueryString] = []
        if actor.has(.enterprise), let own = actor.enterpriseID {
            conditions.append("d.enterprise_id = \(bind: own)")
        } else {
            guard AccessPolicy.has(actor, .readPolicies) else { throw AppError.forbidden() }
            let tree = try await OrgDirectory.tree(on: database)
            conditions.append("d.org_unit_id IN (\(binds: Array(tree.subtree(of: actor.orgUnitID))))")
        }
        if let policy { conditions.append("d.policy_id = \(bind: policy)") }
        if let enterprise { conditions.append("d.enterprise_id = \(bind: enterprise)") }
        return try await database.sql.raw(
            """
            SELECT d.id, d.policy_id, p.title AS policy_title, d.enterprise_id, e.name AS enterprise_name, d.channel,
              d.delivered_on, d.acknowledged_at
            FROM policy_deliveries d JOIN policies p ON p.id = d.policy_id JOIN enterprises e ON e.id = d.enterprise_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY d.delivered_on DESC, d.created_at DESC LIMIT 1000
            """
        ).all(decoding: Delivery.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
