// VP-wijzer on Azure: one resource group with
//   - a user-assigned managed identity: the bot's identity (Bot Framework) and its Graph identity;
//   - an Azure Bot (single tenant, UserAssignedMSI) with the Teams and Direct Line channels;
//   - a Linux App Service (.NET 10, HTTPS only, always on, health check /readyz);
//   - Azure Cache for Redis (TLS only) for conversation state across instances;
//   - Key Vault (RBAC) for the Redis connection and the state key salt;
//   - Log Analytics + Application Insights (Entra-only ingestion, no request bodies, no snapshots).
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// Nothing here stores what users type: the bot itself keeps only ids and enums (see README).

targetScope = 'resourceGroup'

@description('Short name used in every resource name, e.g. vpwijzer. Lowercase letters and digits.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Environment suffix, e.g. prd or tst.')
@allowed([
  'dev'
  'tst'
  'acc'
  'prd'
])
param environment string = 'prd'

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. P0v3 or higher for production; B1 is enough for a trial.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'P0v3'

@description('Number of App Service instances. More than one needs Redis state (always on here).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Azure Cache for Redis SKU. Standard has a replica and an SLA; Basic is for trials.')
@allowed([
  'Basic'
  'Standard'
])
param redisSku string = 'Standard'

@description('Azure Cache for Redis size (C0 = 250 MB is plenty: the state holds ids and enums only).')
@allowed([
  0
  1
])
param redisCapacity int = 0

@description('Azure Bot SKU: F0 (free, standard channels like Teams are free) or S1 (needed for heavier Direct Line use).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Scheduling mode: Graph for the real VP and room calendars, Demo for a trial without Graph permissions.')
@allowed([
  'Graph'
  'Demo'
])
param schedulingMode string = 'Graph'

@description('Read department and managers after the employee consents (needs User.Read.All). Off by default.')
param readOrgChart bool = false

@description('Bot Connector URL used to start a VP chat when none is known yet (Teams public cloud).')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('Serve the anonymous intranet chat (/chat and the bot\'s own Direct Line endpoints). Off by default: the App Service is reachable from the internet, so turn it on only with the intranet origins set, or with the paths blocked in front of the bot.')
param intranetChat bool = false

@description('Intranet origins that may embed /chat (https only), e.g. https://intranet.example.nl. Becomes Chat:AllowedOrigins.')
param chatAllowedOrigins array = []

@description('Secret mixed into the hash of conversation ids used as state keys. At least 32 random characters; keep it per deployment.')
@secure()
@minLength(32)
param stateKeySalt string

@description('Days to keep logs in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Object ids (users or groups) that may manage Key Vault secrets, e.g. the platform team. Optional.')
param keyVaultSecretOfficerPrincipalIds array = []

var baseName = '${namePrefix}-${environment}'
var uniqueSuffix = take(uniqueString(resourceGroup().id, namePrefix, environment), 6)
var webAppName = '${baseName}-${uniqueSuffix}'
var keyVaultName = take('kv-${namePrefix}${environment}${uniqueSuffix}', 24)
var tags = {
  application: 'vp-wijzer'
  environment: environment
}

// Built-in role definition ids (the same in every tenant).
var roleKeyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var roleKeyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var roleMonitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${baseName}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    // Only Entra-authenticated telemetry (the app's managed identity), no instrumentation-key-only ingestion.
    DisableLocalAuth: true
    DisableIpMasking: false
    RetentionInDays: logRetentionDays
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roleMonitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleMonitoringMetricsPublisher)
  }
}

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-${baseName}-${uniqueSuffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: redisSku
      family: 'C'
      capacity: redisCapacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisConfiguration: {
      // Keys carry their own TTL; evict only those when memory runs out.
      'maxmemory-policy': 'volatile-lru'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource redisConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: 'state-redis-connection'
  properties: {
    contentType: 'StackExchange.Redis configuration string'
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

resource keySaltSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: 'state-key-salt'
  properties: {
    contentType: 'random string'
    value: stateKeySalt
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roleKeyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleKeyVaultSecretsUser)
  }
}

resource secretsOfficers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in keyVaultSecretOfficerPrincipalIds: {
    name: guid(vault.id, principalId, roleKeyVaultSecretsOfficer)
    scope: vault
    properties: {
      principalId: principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleKeyVaultSecretsOfficer)
    }
  }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${baseName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// App settings use the bot's own configuration keys (bot/appsettings.json and the *Options classes), with __ for ':'.
var appSettings = [
  // Kestrel: App Service forwards to 8080. ASPNETCORE_HTTP_PORTS is what the platform and ASP.NET Core document.
  { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' }
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'Bot__MicrosoftAppId', value: identity.properties.clientId }
  { name: 'Bot__MicrosoftAppTenantId', value: tenant().tenantId }
  { name: 'Bot__MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'State__Store', value: 'Redis' }
  { name: 'State__RedisConnection', value: '@Microsoft.KeyVault(SecretUri=${redisConnectionSecret.properties.secretUri})' }
  { name: 'State__KeySalt', value: '@Microsoft.KeyVault(SecretUri=${keySaltSecret.properties.secretUri})' }
  { name: 'Scheduling__Mode', value: schedulingMode }
  { name: 'Scheduling__PublicBaseUrl', value: 'https://${webAppName}.azurewebsites.net' }
  { name: 'Scheduling__Graph__TenantId', value: tenant().tenantId }
  { name: 'Scheduling__Graph__ClientId', value: identity.properties.clientId }
  { name: 'Scheduling__Graph__UseManagedIdentity', value: 'true' }
  { name: 'Scheduling__Graph__ReadOrgChart', value: string(readOrgChart) }
  { name: 'Handoff__ServiceUrl', value: teamsServiceUrl }
  // Application Insights: codeless agent, Entra ingestion with the managed identity.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identity.properties.clientId}' }
  // The app exports its own OpenTelemetry (turns, latency, Graph): the codeless agent stays off, as its request
  // telemetry would record URLs, and those hold .ics and figures capability tokens and chat conversation ids.
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: 'disabled' }
  { name: 'Chat__Enabled', value: string(intranetChat) }
  // No snapshot debugger, profiler or SQL/body enrichment: they could capture what people type.
  { name: 'SnapshotDebugger_EXTENSION_VERSION', value: 'disabled' }
  { name: 'DiagnosticServices_EXTENSION_VERSION', value: 'disabled' }
  { name: 'InstrumentationEngine_EXTENSION_VERSION', value: 'disabled' }
  { name: 'XDT_MicrosoftApplicationInsights_BaseExtensions', value: 'disabled' }
  { name: 'XDT_MicrosoftApplicationInsights_PreemptSdk', value: 'disabled' }
]

var chatOriginSettings = [for (origin, i) in chatAllowedOrigins: { name: 'Chat__AllowedOrigins__${i}', value: origin }]

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Logs hold no request bodies either way; these add nothing for this app.
      httpLoggingEnabled: false
      requestTracingEnabled: false
      detailedErrorLoggingEnabled: false
      remoteDebuggingEnabled: false
      numberOfWorkers: 1
      appSettings: concat(appSettings, chatOriginSettings)
    }
  }
  dependsOn: [
    secretsUser
    metricsPublisher
  ]
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${uniqueSuffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'VP-wijzer'
    description: 'Anoniem vragen over ongewenst gedrag en een vertrouwenspersoon spreken.'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
    // The bot keeps no transcripts; nor should the channel service's isolated storage matter: no data is sent there.
    isStreamingSupported: false
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// No Azure Direct Line channel: the intranet chat is served by the bot itself (docs/INTRANET-CHAT.md), with its own
// anonymous tokens, so there is no channel secret to keep out of the browser.

@description('Bot id for the Teams manifest (BOT_ID): the managed identity client id.')
output botId string = identity.properties.clientId

@description('Principal (object) id of the managed identity: grant Graph application permissions to this id.')
output identityPrincipalId string = identity.properties.principalId

@description('Public host name of the bot (BOT_DOMAIN in the Teams manifest).')
output botHostName string = site.properties.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output messagingEndpoint string = bot.properties.endpoint

@description('Web app name, for az webapp deploy.')
output webAppName string = site.name

@description('Key Vault name.')
output keyVaultName string = vault.name

@description('Azure Bot resource name.')
output botName string = bot.name

@description('Tenant id (Bot:MicrosoftAppTenantId).')
output tenantId string = tenant().tenantId
