import Foundation
import JieyouDomain
import Testing

/// Steps on a problem for the workflow's suites: take one as a party on a day, or read why it is
/// refused.
protocol WorkflowSteps {
    var workflow: ProblemWorkflow { get }
}

extension WorkflowSteps {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// The problem after `action`; a refusal is recorded where the test called this, and thrown.
    func run(
        _ action: ProblemAction, _ p: ProblemSnapshot, as party: ProblemParty, on iso: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProblemSnapshot {
        switch workflow.apply(action, to: p, by: [party], on: day(iso)) {
        case .success(let next): return next
        case .failure(let refusal):
            Issue.record("\(action.name) refused: \(refusal.message)", sourceLocation: sourceLocation)
            throw refusal
        }
    }

    func refusal(_ action: ProblemAction, _ p: ProblemSnapshot, as party: ProblemParty, on iso: String)
        -> ProblemRefusal?
    {
        if case .failure(let refusal) = workflow.apply(action, to: p, by: [party], on: day(iso)) { return refusal }
        return nil
    }
}
