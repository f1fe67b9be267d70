import Vapor

/// bcrypt on the application's thread pool: a hash takes tens to hundreds of milliseconds and must not
/// block an event loop.
struct PasswordHashing {
    let threadPool: NIOThreadPool
    let cost: Int

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against digest: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: digest) }
    }
}

extension Application {
    var passwordHashing: PasswordHashing {
        PasswordHashing(threadPool: threadPool, cost: appConfiguration.bcryptCost)
    }
}
