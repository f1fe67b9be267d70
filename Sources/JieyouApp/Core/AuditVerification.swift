import Fluent
import JieyouDomain
import SQLKit

/// Walks the whole event log in sequence order, in batches, and checks the hash chain.
enum AuditVerification {
    struct Report: Sendable {
        let checked: Int
        let firstBreak: AuditChainVerifier.Break?
        var isIntact: Bool { firstBreak == nil }
    }

    static let batchSize = 2000

    static func run(on database: any Database) async throws -> Report {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            let batch = try await EventModel.query(on: database).filter(\.$id > after).sort(\.$id).limit(batchSize)
                .all()
            for event in batch where !verifier.check(event.record) {
                return Report(checked: verifier.checked, firstBreak: verifier.firstBreak)
            }
            guard let last = batch.last?.id, batch.count == batchSize else { break }
            after = last
        }
        let sql = database.sql
        guard let head = try await sql.raw("SELECT last_sequence, last_hash FROM event_chain_head WHERE id = 1").first()
        else {
            return Report(checked: verifier.checked, firstBreak: .headMismatch(expectedSequence: -1, foundSequence: 0))
        }
        let brk = verifier.finish(
            headSequence: try head.decode(column: "last_sequence", as: Int64.self),
            headHash: try head.decode(column: "last_hash", as: String.self))
        return Report(checked: verifier.checked, firstBreak: brk)
    }
}
