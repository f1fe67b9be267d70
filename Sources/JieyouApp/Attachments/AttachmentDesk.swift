import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// A record's files and whether the reader may add to them.
struct AttachmentSection: Sendable {
    let owner: AttachmentOwner
    let ownerID: UUID
    let records: [AttachmentRecord]
    let mayAdd: Bool
    let maxMegabytes: Int
}

/// A file as an upload sends it: the name it had on the sender's device and its bytes.
struct SentFile: Sendable {
    let name: String?
    let data: Data
}

/// Files on problems, visits and meetings for one signed-in reader. Whoever may read the record may
/// read its files (anyone else gets 404, as for the record); those who work on it may add to them. A
/// file is checked by its content and size before anything is written; its upload is an event of its
/// record (so a problem's 办理过程 lists it) and every download an event of its own.
struct AttachmentDesk {
    let database: any Database
    let signedIn: SignedIn
    let tree: OrgTree
    let now: Date
    let calendar: WorkCalendar
    let files: AttachmentFiles
    let maxBytes: Int

    private var actor: Actor { signedIn.actor }
    private var sql: any SQLDatabase { database.sql }
    private var store: AttachmentStore { AttachmentStore(sql: sql) }

    /// Checks and stores `files` on the record, all or none; returns what was stored.
    func upload(
        _ sent: [SentFile], to owner: AttachmentOwner, _ ownerID: UUID, purpose: String?
    ) async throws -> [AttachmentRecord] {
        let checked = try check(sent, for: owner, purpose: purpose)
        guard !checked.isEmpty else { throw AppError.invalid("file", "请选择要上传的文件") }
        return try await add(checked, to: owner, ownerID)
    }

    /// Stores files already checked on a record the reader works on (a visit just recorded).
    func add(_ checked: [CheckedFile], to owner: AttachmentOwner, _ ownerID: UUID) async throws -> [AttachmentRecord] {
        try await store(checked, on: owner, ownerID, unit: try await mayAdd(to: owner, ownerID))
    }

    /// A file checked for `owner`: its kind by content, a size within the limit, a known purpose.
    struct CheckedFile: Sendable {
        let name: String
        let type: AttachmentType
        let purpose: AttachmentPurpose
        let data: Data
    }

    /// Checks every file before any is stored; empty file fields (a form sent without a file) are
    /// skipped. The message names the file and what is wrong with it.
    func check(_ sent: [SentFile], for owner: AttachmentOwner, purpose: String?) throws -> [CheckedFile] {
        let choices = AttachmentPurpose.choices(for: owner)
        let chosen = purpose.flatMap { $0.isEmpty ? nil : $0 }
        guard let purpose = chosen.map(AttachmentPurpose.init(rawValue:)) ?? choices.first, choices.contains(purpose)
        else {
            throw AppError.invalid(
                "purpose", "附件用途应为\(choices.map(\.chineseName).joined(separator: "、"))之一")
        }
        var v = Validator()
        var checked: [CheckedFile] = []
        for file in sent where !file.data.isEmpty {
            let label = file.name.map { "“\(AttachmentName.display($0))”" } ?? "所选文件"
            guard file.data.count <= maxBytes else {
                v.fail("file", "\(label)超过 \(maxBytes / 1_048_576) MB，请压缩或拆分后再上传")
                continue
            }
            guard let type = OfficePackage.attachmentType(of: file.data) else {
                v.fail("file", "\(label)不是可接收的文件：只能上传\(AttachmentType.acceptedNames)")
                continue
            }
            checked.append(
                CheckedFile(
                    name: AttachmentName.clean(file.name, as: type), type: type, purpose: purpose, data: file.data))
        }
        try v.throwIfFailed()
        return checked
    }

    /// Writes the bytes (outside the transaction: a file nobody points to is harmless and is the same
    /// file the next upload of these bytes would write), then the rows and their events together.
    private func store(_ checked: [CheckedFile], on owner: AttachmentOwner, _ ownerID: UUID, unit: UUID) async throws
        -> [AttachmentRecord]
    {
        let records = try checked.map { file in
            AttachmentRecord(
                id: UUID(), orgUnitId: unit, ownerType: owner.rawValue, ownerId: ownerID,
                purpose: file.purpose.rawValue,
                fileName: file.name, mediaType: file.type.mediaType, byteCount: Int64(file.data.count),
                sha256: try files.store(file.data), uploadedBy: actor.userID, uploaderName: signedIn.displayName,
                createdAt: now)
        }
        try await database.writing(actorID: actor.userID, now: now) { db, log in
            let store = AttachmentStore(sql: db.sql)
            for record in records {
                try await store.insert(record)
                try await log.record(
                    owner.rawValue, id: ownerID.uuidString, "attach",
                    .created([
                        "attachmentId": record.id.uuidString, "file": record.fileName,
                        "purpose": record.purpose, "bytes": String(record.byteCount), "sha256": record.sha256,
                    ]), orgUnit: unit)
            }
        }
        return records
    }

    /// Who adds to a problem's files: anyone with a part in it beyond reading (its dispatchers,
    /// handlers, leaders, liaison cadres, its enterprise) and whoever reported it (a monitor).
    static func mayAdd(toProblemWith parties: Set<ProblemParty>, reportedBy: UUID?, actor: Actor) -> Bool {
        !parties.subtracting([.reader, .reportingMonitor]).isEmpty || reportedBy == actor.userID
    }

    /// A problem's files for its page, which has already read the problem and the reader's part in it.
    func section(ofProblem problem: ProblemView) async throws -> AttachmentSection {
        AttachmentSection(
            owner: .problem, ownerID: problem.record.id, records: try await store.list(.problem, problem.record.id),
            mayAdd: Self.mayAdd(toProblemWith: problem.parties, reportedBy: problem.record.reportedBy, actor: actor),
            maxMegabytes: maxBytes / 1_048_576)
    }

    /// A record's files as its page shows them, and whether the reader may add to them.
    func section(_ owner: AttachmentOwner, _ ownerID: UUID) async throws -> AttachmentSection {
        var mayAdd = true
        do {
            _ = try await self.mayAdd(to: owner, ownerID)
        } catch let error as AppError where error.status == .forbidden {
            mayAdd = false
        }
        return AttachmentSection(
            owner: owner, ownerID: ownerID, records: try await store.list(owner, ownerID), mayAdd: mayAdd,
            maxMegabytes: maxBytes / 1_048_576)
    }

    /// The files of a record the reader may read.
    func list(_ owner: AttachmentOwner, _ ownerID: UUID) async throws -> [AttachmentRecord] {
        _ = try await readable(owner, ownerID)
        return try await store.list(owner, ownerID)
    }

    /// A file the reader may read, where its bytes are; the download is logged.
    func download(_ id: UUID) async throws -> (record: AttachmentRecord, url: URL) {
        guard let record = try await store.load(id), let owner = AttachmentOwner(rawValue: record.ownerType) else {
            throw AppError.notFound("附件")
        }
        do {
            _ = try await readable(owner, record.ownerId)
        } catch let error as AppError where error.status == .notFound {
            throw AppError.notFound("附件")
        }
        let url = files.url(of: record.sha256)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AppError(status: .notFound, code: "notFound", message: "附件文件已不在存储目录中，请联系管理员从备份恢复")
        }
        try await database.writing(actorID: actor.userID, now: now) { _, log in
            try await log.record(
                "attachment", id: record.id.uuidString, "download",
                .created(["file": record.fileName, "owner": "\(record.ownerType):\(record.ownerId.uuidString)"]),
                orgUnit: record.orgUnitId)
        }
        return (record, url)
    }

    // MARK: who may

    /// The unit the record belongs to, when the reader may read it; 404 otherwise.
    @discardableResult
    func readable(_ owner: AttachmentOwner, _ id: UUID) async throws -> UUID {
        switch owner {
        case .problem:
            return try await problems.readable(id, by: actor, tree: tree).record.orgUnitId
        case .visit:
            guard let visit = try await store.visit(id), mayRead(visit) else { throw AppError.notFound("走访") }
            return visit.orgUnitId
        case .meeting:
            let reach = try EnterpriseAccess.of(signedIn, tree: tree).reach
            return try await MeetingQueries.readable(reach: reach, on: sql, id).summary.orgUnitId
        case .creditRecord:
            return try await credit.record(id, for: actor).orgUnitId
        }
    }

    /// The unit the record belongs to, when the reader works on it: a problem's dispatchers, handlers,
    /// leaders, liaison cadres, its enterprise and the monitor who reported it; a visit's cadres and
    /// its unit's recorders of field work; a meeting's unit's recorders of field work.
    func mayAdd(to owner: AttachmentOwner, _ id: UUID) async throws -> UUID {
        switch owner {
        case .problem:
            let (record, _, parties) = try await problems.readable(id, by: actor, tree: tree)
            guard Self.mayAdd(toProblemWith: parties, reportedBy: record.reportedBy, actor: actor) else {
                throw AppError.forbidden("只有办理该问题的人员、提交问题的企业或监测员可以上传附件")
            }
            return record.orgUnitId
        case .visit:
            guard let visit = try await store.visit(id), mayRead(visit) else { throw AppError.notFound("走访") }
            guard visit.people.contains(actor.userID) || AccessPolicy.has(actor, .recordFieldWork) else {
                throw AppError.forbidden("只有参加走访的干部或服务小组可以上传现场照片")
            }
            return visit.orgUnitId
        case .meeting:
            let unit = try await readable(.meeting, id)
            guard AccessPolicy.has(actor, .recordFieldWork) else {
                throw AppError.forbidden("只有服务小组或联点干部可以上传活动材料")
            }
            return unit
        case .creditRecord:
            let row = try await credit.record(id, for: actor)
            guard
                CreditAccess.mayApply(actor, enterprise: row.enterpriseId, at: row.orgUnitId, in: tree)
                    || CreditAccess.mayEnter(actor, department: row.departmentId, at: row.orgUnitId, in: tree)
            else { throw AppError.forbidden("只有申请修复的企业、联点干部或作出决定的部门可以上传材料") }
            return row.orgUnitId
        }
    }

    private var problems: ProblemDesk { ProblemDesk(database: database, now: now, calendar: calendar) }
    private var credit: CreditDesk { CreditDesk(database: database, now: now, calendar: calendar) }

    private func mayRead(_ visit: AttachmentStore.VisitFacts) -> Bool {
        guard let access = try? EnterpriseAccess.of(signedIn, tree: tree) else { return false }
        switch access.reach {
        case .enterprise(let own): return own == visit.enterpriseId
        case .units: return tree.isWithin(visit.orgUnitId, subtreeOf: actor.orgUnitID)
        }
    }
}
