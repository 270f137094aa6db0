/* pq.h - libpq as this backend calls it: loaded when a server is first named
 * (pq_load), not with the program. Linked, libpq brings two dozen libraries
 * (OpenSSL, GnuTLS, Kerberos, LDAP) whose start-up took 5 ms of every
 * command's CPU, on a file too. Each PQfunction used here is called through
 * a pointer filled from the library; the types are libpq's own header's. */
#ifndef CXMEET_PG_PQ_H
#define CXMEET_PG_PQ_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

#define PQ_FUNCS(X) \
	X(PQbackendPID) X(PQclear) X(PQcmdTuples) X(PQconnectdbParams) X(PQconninfoFree) \
	X(PQconninfoParse) X(PQconsumeInput) X(PQenterPipelineMode) X(PQerrorMessage) \
	X(PQescapeIdentifier) X(PQexitPipelineMode) X(PQpipelineSync) \
	X(PQexec) X(PQexecParams) X(PQexecPrepared) X(PQfinish) X(PQfreemem) X(PQgetisnull) \
	X(PQgetResult) X(PQgetvalue) X(PQlibVersion) X(PQnfields) X(PQnotifies) X(PQntuples) \
	X(PQprepare) X(PQreset) X(PQresultErrorField) X(PQresultErrorMessage) \
	X(PQresultStatus) X(PQsendPrepare) X(PQsendQueryParams) X(PQsetNoticeProcessor) \
	X(PQsetSingleRowMode) \
	X(PQstatus)

struct pq_api {
#define PQ_POINTER(name) __typeof__(&name) name;
	PQ_FUNCS(PQ_POINTER)
#undef PQ_POINTER
};
extern struct pq_api pq_api;

/* Loads libpq once; false (err saying why) when it cannot be. */
bool pq_load(char *err, size_t errlen);

#ifndef PQ_LOADER
#define PQ_CALL(name) (pq_api.name)
#define PQbackendPID PQ_CALL(PQbackendPID)
#define PQclear PQ_CALL(PQclear)
#define PQcmdTuples PQ_CALL(PQcmdTuples)
#define PQconnectdbParams PQ_CALL(PQconnectdbParams)
#define PQconninfoFree PQ_CALL(PQconninfoFree)
#define PQconninfoParse PQ_CALL(PQconninfoParse)
#define PQconsumeInput PQ_CALL(PQconsumeInput)
#define PQenterPipelineMode PQ_CALL(PQenterPipelineMode)
#define PQerrorMessage PQ_CALL(PQerrorMessage)
#define PQescapeIdentifier PQ_CALL(PQescapeIdentifier)
#define PQexec PQ_CALL(PQexec)
#define PQexecParams PQ_CALL(PQexecParams)
#define PQexecPrepared PQ_CALL(PQexecPrepared)
#define PQexitPipelineMode PQ_CALL(PQexitPipelineMode)
#define PQfinish PQ_CALL(PQfinish)
#define PQfreemem PQ_CALL(PQfreemem)
#define PQgetisnull PQ_CALL(PQgetisnull)
#define PQgetResult PQ_CALL(PQgetResult)
#define PQgetvalue PQ_CALL(PQgetvalue)
#define PQlibVersion PQ_CALL(PQlibVersion)
#define PQnfields PQ_CALL(PQnfields)
#define PQnotifies PQ_CALL(PQnotifies)
#define PQntuples PQ_CALL(PQntuples)
#define PQpipelineSync PQ_CALL(PQpipelineSync)
#define PQprepare PQ_CALL(PQprepare)
#define PQreset PQ_CALL(PQreset)
#define PQresultErrorField PQ_CALL(PQresultErrorField)
#define PQresultErrorMessage PQ_CALL(PQresultErrorMessage)
#define PQresultStatus PQ_CALL(PQresultStatus)
#define PQsendPrepare PQ_CALL(PQsendPrepare)
#define PQsendQueryParams PQ_CALL(PQsendQueryParams)
#define PQsetNoticeProcessor PQ_CALL(PQsetNoticeProcessor)
#define PQsetSingleRowMode PQ_CALL(PQsetSingleRowMode)
#define PQstatus PQ_CALL(PQstatus)
#endif

#endif
