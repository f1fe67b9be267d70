import JieyouDomain
import Vapor

extension Request {
    /// The ledger's query parameters (`LedgerRequest.init(query:for:tree:maxLimit:)`) of this request.
    func ledgerRequest(for actor: Actor, tree: OrgTree, maxLimit: Int = 200) throws -> LedgerRequest {
        try LedgerRequest(query: queryText, for: actor, tree: tree, maxLimit: maxLimit)
    }
}
