import JieyouDomain

extension EnterpriseRecordAccess.Verdict {
    /// Throws what the verdict answers: 403 when forbidden, 404 (naming `what`) when hidden.
    func check(_ what: String) throws {
        switch self {
        case .readable: return
        case .forbidden: throw AppError.forbidden()
        case .hidden: throw AppError.notFound(what)
        }
    }
}
