import Foundation
import JieyouDomain

/// A meeting as the page's boxes hold it: one enterprise, finding, financing or deal per line, the
/// enterprises by name or credit code.
struct PastedMeeting: Sendable {
    var kind: String?
    var title: String?
    var heldOn: String?
    var place: String?
    var departmentID: UUID?
    var notes: String?
    var enterpriseList = ""
    var problemList = ""
    var suggestionList = ""
    var financingList = ""
    var dealList = ""
    var policyIDs: [UUID] = []
}

extension FieldWorkDesk {
    func meetings(_ filter: FieldWorkFilter, limit: Int) async throws -> [MeetingSummary] {
        try await MeetingQueries.list(filter, limit: limit, on: sql)
    }

    func meeting(_ id: UUID) async throws -> MeetingDetail {
        try await MeetingQueries.readable(reach: try access().reach, on: sql, id)
    }

    func recordMeeting(_ input: MeetingInput) async throws -> UUID {
        try await MeetingService(database: database, now: now).record(input, by: actor)
    }

    /// Reads the boxes line by line, finds each named enterprise in the recorder's subtree (a line
    /// naming none is refused with its box and line), and records the meeting.
    func recordMeeting(pasted: PastedMeeting) async throws -> UUID {
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        return try await recordMeeting(try await input(from: pasted))
    }

    /// What the meeting form offers: the departments of the recorder's line (组织部门), and the
    /// policies in force that it reads (its unit's and those above), for a briefing.
    func meetingChoices() async throws -> (departments: [(String, String)], policies: [(String, String)]) {
        let line = tree.lineage(of: actor.orgUnitID).map(\.id)
        let departments = try await DepartmentStore(database: database).activeChoices(in: line)
        guard AccessPolicy.has(actor, .readPolicies) else { return (departments, []) }
        let policies = try await PolicyQueries.list(
            units: PolicyService.visibleUnits(of: actor, in: tree), filter: PolicyFilter(), on: sql
        ).filter { $0.isValid(on: today) }.map { ($0.id.uuidString.lowercased(), $0.title) }
        return (departments, policies)
    }

    private func input(from pasted: PastedMeeting) async throws -> MeetingInput {
        let attending = PastedLines.records(pasted.enterpriseList, maxFields: 1, separators: [])
        let findingSeparators: Set<Character> = ["：", ":", "\t"]
        let problems = PastedLines.records(pasted.problemList, maxFields: 2, separators: findingSeparators)
        let suggestions = PastedLines.records(pasted.suggestionList, maxFields: 2, separators: findingSeparators)
        let financings = PastedLines.records(pasted.financingList, maxFields: 4)
        let deals = PastedLines.records(pasted.dealList, maxFields: 4)
        let keys = (attending + problems + suggestions + financings + deals).map { $0.fields[0] }
        let found = try await EnterpriseLookup.resolve(
            keys, units: Array(tree.subtree(of: actor.orgUnitID)), on: sql)
        var v = Validator()
        func enterprise(_ record: PastedLines.Record, _ field: String, _ box: String) -> UUID? {
            guard let ref = found[record.fields[0]] else {
                v.fail(field, "\(box)第\(record.line)行：找不到企业“\(record.fields[0])”")
                return nil
            }
            return ref.id
        }
        func field(_ record: PastedLines.Record, _ index: Int) -> String? {
            index < record.fields.count ? record.fields[index] : nil
        }
        var input = MeetingInput(
            kind: pasted.kind, title: pasted.title, heldOn: pasted.heldOn, place: pasted.place,
            departmentID: pasted.departmentID, notes: pasted.notes)
        input.policyIDs = pasted.policyIDs
        input.enterpriseIDs = attending.compactMap { enterprise($0, "enterpriseList", "参会企业") }
        for (records, kind) in [(problems, FindingKind.problem), (suggestions, .suggestion)] {
            let box = kind == .problem ? "问题诉求" : "意见建议"
            for record in records {
                guard record.fields.count == 2 else {
                    v.fail("\(kind.rawValue)List", "\(box)第\(record.line)行：请按“企业名称：内容”填写")
                    continue
                }
                if let id = enterprise(record, "\(kind.rawValue)List", box) {
                    input.findings.append(.init(enterpriseID: id, kind: kind.rawValue, text: record.fields[1]))
                }
            }
        }
        for record in financings {
            if let id = enterprise(record, "financingList", "融资意向") {
                input.financings.append(
                    .init(
                        enterpriseID: id, bank: field(record, 1), intendedWan: field(record, 2),
                        lentWan: field(record, 3)))
            }
        }
        for record in deals {
            if let id = enterprise(record, "dealList", "签约对接") {
                input.deals.append(
                    .init(
                        enterpriseID: id, counterpart: field(record, 1), subject: field(record, 2),
                        amountWan: field(record, 3)))
            }
        }
        try v.throwIfFailed()
        return input
    }
}
