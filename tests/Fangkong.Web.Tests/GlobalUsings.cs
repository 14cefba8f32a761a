global using Fangkong.Web.Tests.Support;
