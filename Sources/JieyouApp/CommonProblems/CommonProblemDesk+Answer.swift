import Foundation
import JieyouDomain
import SQLKit

/// 报上级研究出台政策: a confirmed group goes up as one policy question to the nearest unit above with a
/// task force, whose service group or 上级专班 answers it; the owning service group then resolves the
/// members by that answer together, and each is revisited as any resolved problem is.
extension CommonProblemDesk {
    /// The unit a group of `unit` is sent to: the nearest above with a task force.
    func escalationTarget(of unit: UUID) async throws -> UUID? {
        let tree = try await OrgDirectory.tree(on: database)
        let staffed = try await RecipientStore(sql: sql).staffedUnits()
        return ReportDelivery.receiver(of: unit, in: tree, staffed: staffed)
    }

    func escalate(_ id: UUID, question: String?, by actor: Actor) async throws {
        let question = try CommonProblemRules.question(question)
        let (row, members) = try await group(id, for: actor)
        guard CommonProblemRules.mayShape(actor, unit: row.orgUnitId) else {
            throw AppError.forbidden("共性问题由\(row.unitName)服务小组上报")
        }
        guard row.stateValue == .confirmed else {
            throw AppError.conflict(nil, "共性问题已\(row.stateValue.chineseName)，不能再上报")
        }
        guard let target = try await escalationTarget(of: row.orgUnitId) else {
            throw AppError.conflict(nil, "上级单位尚无服务小组或专班账号，无法上报")
        }
        let (now, today) = (now, today)
        let message =
            "\(row.unitName)上报共性问题“\(row.title)”（\(row.enterprises)家企业、\(members.count)个问题），请研究答复"
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            guard
                try await CommonProblemStore(sql: tx.sql).escalate(
                    id, from: row.version, to: target, question: question, on: today, now: now)
            else { throw Self.raced }
            try await log.record(
                "commonProblem", id: id.uuidString, "escalate",
                .created(["escalatedTo": target.uuidString, "question": question]), orgUnit: row.orgUnitId)
            try await NotificationStore.send(
                to: try await RecipientStore(sql: tx.sql).taskForce(of: target), kind: "commonProblem.escalated",
                message: message, link: SiteURL.commonProblem(.value(id)).path, now: now, on: tx.sql)
        }
    }

    func answer(_ id: UUID, answer: String?, resultKind: String?, by actor: Actor) async throws {
        let answer = try CommonProblemRules.answer(answer)
        let kind = try CommonProblemRules.resultKind(resultKind)
        let (row, _) = try await group(id, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        guard let target = row.escalatedTo, row.stateValue == .escalated else {
            throw AppError.conflict(nil, "共性问题“\(row.title)”\(row.stateValue == .answered ? "已答复" : "尚未上报")")
        }
        guard CommonProblemRules.mayAnswer(actor, escalatedTo: target, in: tree) else {
            throw AppError.forbidden("共性问题由\(row.escalatedToName ?? "上级")的服务小组或专班答复")
        }
        let (now, today) = (now, today)
        let message = "上级已答复共性问题“\(row.title)”，可按答复办结其中的问题"
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            guard
                try await CommonProblemStore(sql: tx.sql).answer(
                    id, from: row.version, answer: answer, kind: kind, by: actor.userID, on: today, now: now)
            else { throw Self.raced }
            try await log.record(
                "commonProblem", id: id.uuidString, "answer",
                .created(["answer": answer, "resultKind": kind.rawValue]), orgUnit: row.orgUnitId)
            try await NotificationStore.send(
                to: try await RecipientStore(sql: tx.sql).users([.dispatchers], unit: row.orgUnitId, enterprise: nil),
                kind: "commonProblem.answered", message: message, link: SiteURL.commonProblem(.value(id)).path,
                now: now, on: tx.sql)
        }
    }

    /// What resolving the members by the answer did to each open member.
    struct Resolution: Sendable {
        let resolved: [String]
        /// A member the workflow refused, with why (paused, its root cause not yet written …).
        let refused: [(number: String, reason: String)]
    }

    /// Resolves every open member by the answer, each by the workflow's 按上级答复办结 and in its own
    /// step; a member the workflow refuses is named with the reason and stays as it is.
    func resolveMembers(of id: UUID, by actor: Actor) async throws -> Resolution {
        let (row, members) = try await group(id, for: actor)
        guard CommonProblemRules.mayShape(actor, unit: row.orgUnitId) else {
            throw AppError.forbidden("成员问题由\(row.unitName)服务小组按答复办结")
        }
        guard row.stateValue == .answered, let answer = row.answer, let kind = row.answerKind.flatMap(ResultKind.init)
        else { throw AppError.conflict(nil, "上级尚未答复该共性问题") }
        let open = members.filter(\.stateValue.isOpen)
        guard !open.isEmpty else { throw AppError.conflict(nil, "成员问题均已办结") }
        let problems = ProblemDesk(database: database, now: now, calendar: calendar)
        let result = "按上级对共性问题“\(row.title)”的答复：\(answer)"
        var resolved: [String] = []
        var refused: [(String, String)] = []
        for member in open {
            do {
                try await problems.act(
                    .resolveByAnswer(result: String(result.prefix(CommonProblemRules.maxText)), kind: kind),
                    on: member.id, note: nil, by: actor)
                resolved.append(member.number)
            } catch let error as AppError {
                refused.append((member.number, error.message))
            }
        }
        let summary = (resolved, refused)
        try await database.writing(actorID: actor.userID, now: now) { _, log in
            try await log.record(
                "commonProblem", id: id.uuidString, "resolveMembers",
                .created([
                    "resolved": summary.0.joined(separator: ","),
                    "refused": summary.1.map { "\($0.0)：\($0.1)" }.joined(separator: "；"),
                ]), orgUnit: row.orgUnitId)
        }
        return Resolution(resolved: resolved, refused: refused)
    }
}
