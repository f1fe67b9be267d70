import Foundation
import JieyouDomain
import SQLKit

/// 信用修复: the enterprise or its cadre applies against a published penalty once its shortest period
/// is over; the deciding department's handlers approve (the record leaves the public page, its events
/// stay) or refuse with a reason. Each step reaches the other side as a notice.
extension CreditDesk {
    var repairStore: CreditRepairStore { CreditRepairStore(sql: sql) }

    /// The applications against a record the actor may read.
    func repairs(of id: UUID, for actor: Actor) async throws -> [CreditRepairStore.Row] {
        _ = try await record(id, for: actor)
        return try await repairStore.list(of: id)
    }

    func apply(to id: UUID, _ application: CreditRepairApplication, by actor: Actor) async throws
        -> CreditRepairStore.Row
    {
        let row = try await record(id, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        guard CreditAccess.mayApply(actor, enterprise: row.enterpriseId, at: row.orgUnitId, in: tree) else {
            throw AppError.forbidden("信用修复由企业或其联点干部申请")
        }
        if let refusal = row.timeline.repairRefusal(on: today) { throw AppError.conflict(nil, refusal) }
        if try await repairStore.pending(of: id) != nil {
            throw AppError.conflict(nil, "该记录已有待审核的信用修复申请")
        }
        let repairID = UUID()
        let (now, today) = (now, today)
        let message = "\(row.counterpartyName)申请对行政处罚（\(row.documentNumber)）进行信用修复，请审核"
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await CreditRepairStore(sql: tx.sql).insert(
                id: repairID, record: id, unit: row.orgUnitId, application, by: actor.userID, on: today, now: now)
            try await log.record(
                "creditRecord", id: id.uuidString, "repair.apply",
                .created([
                    "repairId": repairID.uuidString, "statement": application.statement, "contact": application.contact,
                    "phone": application.phone,
                ]), orgUnit: row.orgUnitId)
            let handlers = try await RecipientStore(sql: tx.sql).users(
                [.handlers(of: row.departmentId)], unit: row.orgUnitId, enterprise: nil)
            try await NotificationStore.send(
                to: handlers, kind: "credit.repairApplied", message: message,
                link: SiteURL.creditRecord(.value(id)).path, now: now, on: tx.sql)
        }
        return try await repairStore.load(repairID)!
    }

    /// The department's decision on a pending application.
    func decide(_ repairID: UUID, _ decision: CreditRepairDecision, by actor: Actor) async throws
        -> CreditRepairStore.Row
    {
        guard let repair = try await repairStore.load(repairID) else { throw AppError.notFound("信用修复申请") }
        let row = try await record(repair.recordId, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        guard CreditAccess.mayReview(actor, department: row.departmentId, at: row.orgUnitId, in: tree) else {
            throw AppError.forbidden("信用修复由作出处罚决定的部门审核")
        }
        guard repair.stateValue == .pending else {
            throw AppError.conflict(nil, "该申请已\(repair.stateValue.chineseName)，不能重复审核")
        }
        let (now, today) = (now, today)
        let message =
            decision.approve
            ? "行政处罚（\(row.documentNumber)）的信用修复申请已通过，该信息已停止公示"
            : "行政处罚（\(row.documentNumber)）的信用修复申请未通过：\(decision.reason ?? "")"
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            guard
                try await CreditRepairStore(sql: tx.sql).decide(
                    repairID, decision, by: actor.userID, on: today, now: now)
            else { throw AppError.conflict(nil, "该申请已被审核") }
            var audit: [String: String?] = ["repairId": repairID.uuidString, "reason": decision.reason]
            if decision.approve {
                try await CreditStore(sql: tx.sql).markRepaired(row.id, on: today, now: now)
                audit["repairedOn"] = today.iso
            }
            try await log.record(
                "creditRecord", id: row.id.uuidString, decision.approve ? "repair.approve" : "repair.refuse",
                .created(audit), orgUnit: row.orgUnitId)
            let enterprise = try await RecipientStore(sql: tx.sql).users(
                [.enterprise], unit: row.orgUnitId, enterprise: row.enterpriseId)
            try await NotificationStore.send(
                to: enterprise + [repair.appliedBy], kind: "credit.repairDecided", message: message,
                link: SiteURL.creditRecord(.value(row.id)).path, now: now, on: tx.sql)
        }
        return try await repairStore.load(repairID)!
    }

    /// The pending applications the actor reviews (a handler: its department's).
    func reviewQueue(for actor: Actor) async throws -> [(repair: CreditRepairStore.Row, record: CreditStore.Row)] {
        guard actor.has(.handler), let department = actor.departmentID else { return [] }
        let tree = try await OrgDirectory.tree(on: database)
        let queue = try await repairStore.queue(department: department, units: Array(tree.subtree(of: actor.orgUnitID)))
        let records = try await store.load(queue.map(\.record))
        return queue.compactMap { item in records[item.record].map { (item.repair, $0) } }
    }
}
