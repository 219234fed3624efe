// The namespaces nearly every folder uses: the framework's, the rule book, the data model and the text
// resources (none of which uses another folder of this project). A file's own using directives name the
// rest it depends on: infrastructure, the failure value, feature areas, pages (docs/architecture.md).
global using System.Globalization;
global using FluentValidation;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using MigrantCover.Domain;
global using MigrantCover.Web.Data;
global using MigrantCover.Web.Data.Entities;
global using MigrantCover.Web.Resources;
