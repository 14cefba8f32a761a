using System.CommandLine;
using System.Globalization;
using Fangkong.Cli;
using Fangkong.Cli.Audit;
using Fangkong.Cli.Operations;
using Fangkong.Cli.Seeding;
using Fangkong.Cli.Simulation;

var root = new RootCommand("fangkong — operators' command line for the Fangkong epidemic prevention platform");
root.Options.Add(CliLanguage.Option);
root.Subcommands.Add(SeedVerb.Create());
root.Subcommands.Add(SimulateVerb.Create());
root.Subcommands.Add(KeysVerb.Create());
root.Subcommands.Add(RetentionVerb.Create());
root.Subcommands.Add(AuditVerb.Create());
var parse = root.Parse(args);
// A wrong --lang is a parse error, which the invocation reports.
if (parse.Errors.Count == 0) CultureInfo.CurrentUICulture = CliLanguage.Culture(parse.GetValue(CliLanguage.Option), CultureInfo.CurrentUICulture);
return await parse.InvokeAsync();
