import JieyouApp

await Entrypoint.main()
