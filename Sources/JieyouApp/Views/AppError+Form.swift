import Foundation
import JieyouDomain

extension AppError {
    /// The error as a form shows it: input problems (400, 409) are returned to be shown beside the
    /// fields; anything else (403, 404, 500) is rethrown to the error page.
    static func forForm(_ error: any Error) throws -> AppError {
        let classified = ErrorResponseMiddleware.classify(error)
        guard classified.status == .badRequest || classified.status == .conflict else { throw error }
        return classified
    }

    /// The errors to show next to form fields.
    var fieldErrors: [FieldError] {
        if !details.isEmpty { return details }
        return [FieldError(field: field ?? "form", message: message)]
    }
}
