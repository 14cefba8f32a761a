using System.CommandLine;
using Fangkong.Cli.Commands;

var root = new RootCommand("fangkong — operators' command line for the Fangkong epidemic prevention platform");
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
return await root.Parse(args).InvokeAsync();
