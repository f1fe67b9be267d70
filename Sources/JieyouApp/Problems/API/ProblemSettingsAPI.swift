import JieyouDomain
import Vapor

/// `/api/v1/problem-categories` and `/api/v1/org-units/{id}/time-limits`: what a unit's admins set for
/// the loop in their subtree (PRODUCT.md §3).
struct ProblemSettingsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let categories = routes.grouped("problem-categories")
        categories.get(use: listCategories)
        categories.post(use: addCategory)
        categories.patch(":code", use: updateCategory)
        categories.delete(":code", use: deleteCategory)
        routes.get("org-units", ":id", "time-limits", use: limits)
        routes.put("org-units", ":id", "time-limits", use: setLimits)
    }

    struct CategoryDTO: Content {
        let code: String
        let name: String
        /// 政务服务·用电报装 for a sub-category.
        let displayName: String
        let parentCode: String?
        let orgUnitId: UUID?
        /// The working days to resolve in force in the unit asked about.
        let resolveDays: Int
    }

    /// The categories problems of `orgUnitId` (default: the caller's unit) may be filed under.
    @Sendable func listCategories(req: Request) async throws -> [CategoryDTO] {
        let actor = try req.requireSignedIn().actor
        var unit: UUID?
        if let text = req.queryText("orgUnitId") {
            guard let id = UUID(uuidString: text) else { throw AppError.invalid("orgUnitId", "组织编号格式不正确") }
            unit = id
        }
        return try await req.problemSettingsService.categories(in: unit, for: actor).map {
            CategoryDTO(
                code: $0.category.code, name: $0.category.name, displayName: $0.displayName,
                parentCode: $0.category.parentCode, orgUnitId: $0.category.orgUnitID, resolveDays: $0.resolveDays)
        }
    }

    struct CategoryBody: Content {
        var orgUnitId: UUID?
        var parentCode: String?
        var name: String?
        var resolveDays: Int?
    }

    @Sendable func addCategory(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(CategoryBody.self)
        let category = try await req.problemSettingsService.addSubCategory(
            parentCode: body.parentCode, name: body.name, resolveDays: body.resolveDays.map(String.init),
            in: body.orgUnitId ?? actor.orgUnitID, by: actor)
        return try await dto(category).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateCategory(req: Request) async throws -> CategoryDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(CategoryBody.self)
        return dto(
            try await req.problemSettingsService.updateSubCategory(
                try code(req), name: body.name, resolveDays: body.resolveDays.map(String.init), by: actor))
    }

    @Sendable func deleteCategory(req: Request) async throws -> HTTPStatus {
        try await req.problemSettingsService.deleteSubCategory(try code(req), by: try req.requireSignedIn().actor)
        return .noContent
    }

    /// A unit's own limits (null where it follows the units above) and the limits in force there.
    struct LimitsDTO: Content {
        struct Days: Content {
            var acceptDays: Int?
            var signDays: Int?
            var revisitDays: Int?
            var addedDepartmentDays: Int?
            var resolveDays: [String: Int]?
            /// 投诉, 诉求 and 咨询, by kind code.
            var kindResolveDays: [String: Int]?

            /// Unset limits are `null`, not missing keys.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(acceptDays, forKey: .acceptDays)
                try c.encode(signDays, forKey: .signDays)
                try c.encode(revisitDays, forKey: .revisitDays)
                try c.encode(addedDepartmentDays, forKey: .addedDepartmentDays)
                try c.encode(resolveDays ?? [:], forKey: .resolveDays)
                try c.encode(kindResolveDays ?? [:], forKey: .kindResolveDays)
            }
        }
        let own: Days
        let inForce: Days

        init(_ limits: ProblemSettingsService.Limits) {
            let own = limits.own
            self.own = Days(
                acceptDays: own.acceptDays, signDays: own.signDays, revisitDays: own.revisitDays,
                addedDepartmentDays: own.addedDepartmentDays, resolveDays: own.resolveDays,
                kindResolveDays: own.kindResolveDays)
            let force = limits.inForce
            inForce = Days(
                acceptDays: force.acceptDays, signDays: force.signDays, revisitDays: force.revisitDays,
                addedDepartmentDays: force.addedDepartmentDays,
                resolveDays: Dictionary(
                    uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, force.resolveDays(for: $0.code)) }),
                kindResolveDays: force.kindResolveDays)
        }
    }

    @Sendable func limits(req: Request) async throws -> LimitsDTO {
        let actor = try req.requireSignedIn().actor
        return LimitsDTO(try await req.problemSettingsService.limits(of: try req.idParameter("组织"), by: actor))
    }

    /// What `PUT …/time-limits` takes: any limit, a category's among them, may be left out or null.
    struct LimitsBody: Content {
        var acceptDays: Int?
        var signDays: Int?
        var revisitDays: Int?
        var addedDepartmentDays: Int?
        var resolveDays: [String: Int?]?
        var kindResolveDays: [String: Int?]?
    }

    /// Replaces the unit's own limits: a limit left out or null follows the units above.
    @Sendable func setLimits(req: Request) async throws -> LimitsDTO {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("组织")
        let body = try req.content.decode(LimitsBody.self)
        let overrides = ProblemTimeLimits.Overrides(
            acceptDays: body.acceptDays, signDays: body.signDays, revisitDays: body.revisitDays,
            addedDepartmentDays: body.addedDepartmentDays,
            resolveDays: (body.resolveDays ?? [:]).compactMapValues { $0 },
            kindResolveDays: (body.kindResolveDays ?? [:]).compactMapValues { $0 })
        return LimitsDTO(try await req.problemSettingsService.setLimits(overrides, for: id, by: actor))
    }

    private func code(_ req: Request) throws -> String {
        guard let code = req.parameters.get("code"), !code.isEmpty else { throw AppError.notFound("问题子类") }
        return code
    }

    private func dto(_ category: ProblemCategory) -> CategoryDTO {
        CategoryDTO(
            code: category.code, name: category.name,
            displayName: ProblemCategoryStore.displayNames([category])[category.code] ?? category.name,
            parentCode: category.parentCode, orgUnitId: category.orgUnitID, resolveDays: category.resolveDays)
    }
}
