using System.CommandLine;
using Fangkong.Cli.Seeding;
using Fangkong.Cli.Simulation;

var root = new RootCommand("fangkong — operators' command line for the Fangkong epidemic prevention platform");
root.Subcommands.Add(SeedVerb.Create());
root.Subcommands.Add(SimulateVerb.Create());
return await root.Parse(args).InvokeAsync();
