// Example parameters for infra/main.bicep. Copy, adjust, and deploy:
//   export VPW_STATE_KEY_SALT="$(openssl rand -base64 48)"
//   az deployment group create -g rg-vpwijzer-prd -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param namePrefix = 'vpwijzer'
param environment = 'prd'
param appServiceSku = 'P0v3'
param instanceCount = 2
param redisSku = 'Standard'
param redisCapacity = 0
param botSku = 'F0'
param schedulingMode = 'Graph'
param readOrgChart = false
param teamsServiceUrl = 'https://smba.trafficmanager.net/teams/'
// The anonymous intranet chat, served by the bot itself: on, and only the intranet may embed it.
param intranetChat = true
param chatAllowedOrigins = [
  'https://intranet.example.nl'
]
param logRetentionDays = 30
param keyVaultSecretOfficerPrincipalIds = []
// Never commit the salt: it comes from the environment of whoever deploys.
param stateKeySalt = readEnvironmentVariable('VPW_STATE_KEY_SALT')
