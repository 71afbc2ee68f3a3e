use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = banso::cli::Cli::parse();
    let settings = cli.settings()?;
    banso::telemetry::init(&settings.log);
    banso::cli::run(cli, settings).await
}
