import Foundation
import JieyouDomain
import Vapor

/// The demo's 共性问题: 望城经开区's service group has confirmed what the most enterprises share among
/// its open problems and sent it up to 长沙市's task force, where it waits for an answer; the other
/// proposals of every park stay proposed for the dispatchers to confirm, split or dismiss.
enum DemoCommonProblems {
    static func load(_ app: Application, dispatcher: Actor, today: LocalDate) async throws {
        let desk = CommonProblemDesk(
            database: app.db, now: DemoProblems.time(on: today), calendar: try await CalendarStore.calendar(on: app.db))
        let proposals = try await desk.proposals(in: dispatcher.orgUnitID, for: dispatcher).proposals
        guard
            let largest = proposals.max(by: { ($0.enterprises, $1.members.count) < ($1.enterprises, $0.members.count) })
        else { return }
        let id = try await desk.confirm(largest.members.map { $0.id }, title: largest.suggestedTitle, by: dispatcher)
        let unit = try await OrgDirectory.tree(on: app.db)[dispatcher.orgUnitID]?.name ?? ""
        try await desk.escalate(
            id,
            question: CommonProblemRules.draftQuestion(
                title: largest.suggestedTitle, enterprises: largest.enterprises, problems: largest.members.count,
                unitName: unit),
            by: dispatcher)
    }
}
