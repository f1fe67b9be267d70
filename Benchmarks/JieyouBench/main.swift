// jieyou-bench: measures the release build of `jieyou` as people use it, over real HTTP and real files.
//
//   swift build -c release && swift run -c release jieyou-bench [http|registry|problems|export|policies|plans|grouping|all] [options]
//
// `http` starts `jieyou serve --demo` and measures the request pipeline (an authenticated read and a
// write with its event) from several keep-alive connections. `registry` builds a province (150 parks)
// on top of the demo, imports 200,000 enterprises with `jieyou import enterprises`, seeds a million
// visits, and times enterprise search and campaign coverage. `problems` builds the same province,
// seeds a million problems with five million events, and times the ledger, a problem's page, the
// statistics and create + assign over HTTP. `export` seeds 100,000 problems over 20,000 enterprises and
// times the 问题清单 export with the server's peak memory. `policies` builds the province's 200,000
// enterprises with their figures, enters 1,000 policies, and times one policy against the registry
// and the policies of one enterprise, in process and over HTTP. `plans` parses seed 001 (a county's
// 攻坚方案), saves it 150 times, files a plan's 旬调度, and times its pages and .xlsx. `grouping` writes a
// city's 20,000 open problems from the labelled set of 共性问题 and times their grouping. Each scenario uses a fresh SQLite file,
// or the empty PostgreSQL database that DATABASE_URL names. Results are Markdown tables on stdout.
import Foundation

struct Options {
    var scenarios: [String] = ["http", "registry", "problems", "export", "policies", "plans", "grouping"]
    var binary = ".build/release/jieyou"
    /// Leave the database behind (SQLite: its folder is printed) to look at query plans afterwards.
    var keep = false
    // http
    var requests = 20_000
    var writes = 2_000
    var concurrency = 8
    // registry
    var enterprises = 200_000
    var visits = 1_000_000
    var days = 120
    var cadresPerPark = 20
    var searches = 300
    var coverageRuns = 10
    // problems
    var problems = 1_000_000
    var eventsPerProblem = 5
    var ledgerRequests = 300
    var problemWrites = 1_000
    // export
    var exportProblems = 100_000
    var exportEnterprises = 20_000
    var exportRuns = 3
    // policies
    var policies = 1_000
    var matchRuns = 30
    // plans
    var plans = 150
    var planRuns = 30
    var seedPlan = "../shared/seeds/001_d60dd8ae0f53930d.txt"
    // grouping
    var groupingProblems = 20_000
    var groupingRuns = 5
    var labelledSet = "Tests/JieyouDomainTests/CommonProblems/LabelledProblems.txt"
    /// A database a kept `problems` run left behind: measure it again without rebuilding it.
    var reuse: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let word = iterator.next() {
            func number() -> Int {
                guard let value = iterator.next().flatMap(Int.init), value > 0 else {
                    Options.fail("\(word) needs a positive number")
                }
                return value
            }
            switch word {
            case "http", "registry", "problems", "export", "policies", "plans", "grouping": scenarios = [word]
            case "all": scenarios = ["http", "registry", "problems", "export", "policies", "plans", "grouping"]
            case "--binary": binary = iterator.next() ?? binary
            case "--keep": keep = true
            case "--requests": requests = number()
            case "--writes": writes = number()
            case "--concurrency": concurrency = number()
            case "--enterprises": enterprises = number()
            case "--visits": visits = number()
            case "--days": days = max(number(), 21)
            case "--cadres-per-park": cadresPerPark = number()
            case "--searches": searches = number()
            case "--coverage-runs": coverageRuns = number()
            case "--problems": problems = number()
            case "--events-per-problem": eventsPerProblem = number()
            case "--ledger-requests": ledgerRequests = number()
            case "--problem-writes": problemWrites = number()
            case "--export-problems": exportProblems = number()
            case "--export-enterprises": exportEnterprises = number()
            case "--export-runs": exportRuns = number()
            case "--policies": policies = number()
            case "--match-runs": matchRuns = number()
            case "--plans": plans = number()
            case "--plan-runs": planRuns = number()
            case "--grouping-problems": groupingProblems = number()
            case "--grouping-runs": groupingRuns = number()
            case "--labelled-set": labelledSet = iterator.next() ?? labelledSet
            case "--seed-plan": seedPlan = iterator.next() ?? seedPlan
            case "--reuse":
                guard let url = iterator.next() else { Options.fail("--reuse needs a database URL") }
                reuse = url
            default: Options.fail("unknown option \(word)")
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("jieyou-bench: \(message)\n".utf8))
        exit(2)
    }
}

func run() async throws {
    let options = Options(CommandLine.arguments)
    guard options.scenarios == ["grouping"] || FileManager.default.isExecutableFile(atPath: options.binary) else {
        throw BenchError("\(options.binary) not found: run `swift build -c release` first")
    }
    for scenario in options.scenarios {
        switch scenario {
        case "http": try await HTTPScenario(options: options).run()
        case "problems": try await ProblemScenario(options: options).run()
        case "export": try await ExportScenario(options: options).run()
        case "policies": try await PolicyScenario(options: options).run()
        case "plans": try await PlanScenario(options: options).run()
        case "grouping": try await GroupingScenario(options: options).run()
        default: try await RegistryScenario(options: options).run()
        }
    }
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("jieyou-bench: \(error)\n".utf8))
    exit(1)
}
